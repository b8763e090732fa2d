package org.capillary.conformance.connector.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.conformance.sandbox.ReceivedRequest;

/**
 * Every attempt under one {@code Idempotency-Key} sends the same body octets (same {@code cdg}):
 * the platform compares digests, and another body under a used key is refused
 * ({@code IDEMPOTENCY_KEY_REUSED}, spec/SIGNING.md §8).
 */
public final class EnsureRetryReusesBody implements Check<ConnectorRun> {

  @Override
  public String description() {
    return "All attempts under one Idempotency-Key carry the same body octets.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-IDM-02", "CAP-SIG-17");
  }

  @Override
  public CheckResult run(ConnectorRun run, Transcript transcript) {
    Map<String, List<ReceivedRequest>> byKey = Attempts.writesBy(run.received(), ReceivedRequest::idempotencyKey);
    List<String> bad = new ArrayList<>();
    int repeated = 0;
    for (Map.Entry<String, List<ReceivedRequest>> e : byKey.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      repeated++;
      List<String> digests = e.getValue().stream().map(ReceivedRequest::contentDigest).distinct().toList();
      List<String> targets = e.getValue().stream().map(ReceivedRequest::target).distinct().toList();
      if (digests.size() > 1 || targets.size() > 1) {
        bad.add("Idempotency-Key " + e.getKey() + ": " + digests.size() + " bodies, " + targets.size() + " targets, first "
            + e.getValue().get(0).describe());
      }
    }
    if (repeated == 0) {
      return CheckResult.notApplicable("no Idempotency-Key was used twice");
    }
    return bad.isEmpty()
        ? CheckResult.pass(repeated + " key(s) used on several attempts, each with one body")
        : CheckResult.fail(bad.size() + " key(s) sent with different bodies or targets", bad);
  }
}
