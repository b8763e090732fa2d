package org.capillary.conformance.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.plan.Transcript;
import org.capillary.spec.contract.Operation;

/**
 * Reads every GET operation of the contract (derived at run time) about fresh fixtures — a covered
 * project, a registered connector, an uploaded media item — as a connector its {@code x-roles}
 * allow. The reads other scenarios judge (JWK Set, submissions, alert pages) are left to them.
 */
public final class ReadOperationsScenario implements Scenario<ReadRun> {

  /** Reads judged by other scenarios. */
  static final Set<String> ELSEWHERE = Set.of("getJwks", "getSubmission", "listAlerts");

  @Override
  public String id() {
    return "read-operations";
  }

  @Override
  public String description() {
    return "Reads every GET operation of the contract about a fresh project, connector and media item.";
  }

  @Override
  public ReadRun setUp(RunSettings settings, Transcript transcript) {
    PlatformSession s = PlatformSession.open(settings, transcript);
    String[] policy = s.fixtures().coveredProject(s.connectors().insurerA());
    Fixtures.Registered connector = s.fixtures().connector();
    byte[] content = ("conformance media " + s.fixtures().id("med")).getBytes(StandardCharsets.UTF_8);
    Fixtures.Media media = s.fixtures().upload(s.connectors().insurerA(), content);
    Map<String, String> known = Map.of("policyId", policy[0], "projectId", policy[1], "connectorId", connector.connectorId(),
        "kid", connector.kid(), "mediaId", media.mediaId());
    List<ReadRun.Read> reads = new ArrayList<>();
    List<String> unexercised = new ArrayList<>();
    List<Operation> gets = s.contract().operations().values().stream().filter(op -> op.method().equals("GET"))
        .filter(op -> !ELSEWHERE.contains(op.operationId())).sorted(Comparator.comparing(Operation::operationId)).toList();
    for (Operation op : gets) {
      try {
        PlatformConnector reader = s.fixtures().sender(op);
        String target = s.fixtures().target(op, known);
        reads.add(new ReadRun.Read(op, awaitProjected(s, reader, op, target, settings)));
      } catch (UnsupportedOperationException e) {
        unexercised.add(op.operationId() + ": " + e.getMessage());
      }
    }
    return new ReadRun(reads, unexercised, content);
  }

  /**
   * Reads about fresh fixtures may find them not yet projected: a 404 is asked again every 200 ms
   * for at most the run's timeout; any other answer is final.
   */
  private static Exchange awaitProjected(PlatformSession s, PlatformConnector reader, Operation op, String target,
      RunSettings settings) {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    while (true) {
      Exchange e = s.client().read(op.operationId(), reader, "GET", target, Map.of());
      if (e.status() != 404 || System.nanoTime() > deadline) {
        return e;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return e;
      }
    }
  }

  @Override
  public List<Check<? super ReadRun>> checks() {
    return List.of(new ExpectReadOperationsAnswered());
  }
}
