package org.capillary.conformance.connector.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * A CloudEvents {@code (source, id)} names one alert: it is never used for two different events.
 * The platform deduplicates by that pair, so a reused pair would silently drop a real alert.
 */
public final class EnsureAlertIdentityUnique implements Check<ConnectorRun> {

  @Override
  public String description() {
    return "No two different alerts share a CloudEvents (source, id).";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-DEV-02", "CAP-DEV-03");
  }

  @Override
  public CheckResult run(ConnectorRun run, Transcript transcript) {
    Map<List<String>, Set<JsonNode>> events = new LinkedHashMap<>();
    for (ReceivedRequest r : run.received()) {
      JsonNode json = r.valid() ? Attempts.json(r) : null;
      if (json == null) {
        continue;
      }
      if ("publishAlert".equals(r.operationId())) {
        add(events, json);
      } else if ("publishAlertBatch".equals(r.operationId())) {
        json.forEach(e -> add(events, e));
      }
    }
    if (events.isEmpty()) {
      return CheckResult.notApplicable("no alert was sent");
    }
    List<String> bad = new ArrayList<>();
    events.forEach((key, bodies) -> {
      if (bodies.size() > 1) {
        bad.add("source " + key.get(0) + ", id " + key.get(1) + ": " + bodies.size() + " different events");
      }
    });
    return bad.isEmpty()
        ? CheckResult.pass(events.size() + " alerts, each (source, id) naming one event")
        : CheckResult.fail(bad.size() + " (source, id) pair(s) reused for different events", bad);
  }

  private static void add(Map<List<String>, Set<JsonNode>> events, JsonNode event) {
    List<String> key = List.of(event.path("source").asString(""), event.path("id").asString(""));
    events.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(event);
  }
}
