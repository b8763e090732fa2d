package org.capillary.conformance.connector.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.conformance.sandbox.ReceivedRequest;
import tools.jackson.databind.JsonNode;

/**
 * No record was filed twice: among the submissions the sandbox filed (replays of a stored answer
 * do not count), no two ask for the same thing. A CloudEvent is identified by its
 * {@code (source, id)} (also inside batches), any other record by its operation, target and body.
 */
public final class EnsureNothingSubmittedTwice implements Check<ConnectorRun> {

  @Override
  public String description() {
    return "Every record and every alert (source, id) is filed once, whatever faults the connector met.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-IDM-01", "CAP-DEV-02", "CAP-DEV-03");
  }

  @Override
  public CheckResult run(ConnectorRun run, Transcript transcript) {
    Map<Object, List<ReceivedRequest>> filed = new LinkedHashMap<>();
    for (ReceivedRequest r : run.received()) {
      if (!r.filedNew()) {
        continue;
      }
      for (Object identity : identities(r)) {
        filed.computeIfAbsent(identity, k -> new ArrayList<>()).add(r);
      }
    }
    if (filed.isEmpty()) {
      return CheckResult.notApplicable("nothing was filed");
    }
    List<String> bad = new ArrayList<>();
    filed.forEach((identity, requests) -> {
      if (requests.size() > 1) {
        bad.add(label(identity) + " filed " + requests.size() + " times: "
            + String.join(", ", requests.stream().map(ReceivedRequest::describe).toList()));
      }
    });
    return bad.isEmpty()
        ? CheckResult.pass(filed.size() + " distinct records filed, each once")
        : CheckResult.fail(bad.size() + " record(s) filed more than once", bad);
  }

  private static List<Object> identities(ReceivedRequest r) {
    JsonNode json = Attempts.json(r);
    if (json != null && "publishAlert".equals(r.operationId())) {
      return List.of(event(json));
    }
    if (json != null && "publishAlertBatch".equals(r.operationId())) {
      List<Object> events = new ArrayList<>();
      json.forEach(e -> events.add(event(e)));
      return events;
    }
    Attempts.Identity identity = Attempts.identity(r);
    return List.of(new Attempts.Identity(identity.operationId(), identity.target(), identity.body(), ""));
  }

  private static Object event(JsonNode e) {
    return List.of("event", e.path("source").asString(""), e.path("id").asString(""));
  }

  private static String label(Object identity) {
    if (identity instanceof Attempts.Identity i) {
      return i.operationId() + " " + i.target();
    }
    List<?> event = (List<?>) identity;
    return "alert (source " + event.get(1) + ", id " + event.get(2) + ")";
  }
}
