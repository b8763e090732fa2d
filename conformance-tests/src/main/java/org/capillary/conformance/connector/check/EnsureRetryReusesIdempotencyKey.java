package org.capillary.conformance.connector.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.conformance.sandbox.ReceivedRequest;

/**
 * Every attempt of one logical write carries the same {@code Idempotency-Key}: a request repeated
 * (same operation, target and body) under another key could be filed twice (spec/SIGNING.md §8).
 */
public final class EnsureRetryReusesIdempotencyKey implements Check<ConnectorRun> {

  @Override
  public String description() {
    return "A repeated write (same operation, target and body) reuses its Idempotency-Key.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-IDM-01", "CAP-IDM-02", "CAP-SIG-17");
  }

  @Override
  public CheckResult run(ConnectorRun run, Transcript transcript) {
    Map<Attempts.Identity, List<ReceivedRequest>> groups = Attempts.writesBy(run.received(), Attempts::identity);
    List<String> bad = new ArrayList<>();
    int repeated = 0;
    for (List<ReceivedRequest> attempts : groups.values()) {
      if (attempts.size() < 2) {
        continue;
      }
      repeated++;
      List<String> keys = attempts.stream().map(ReceivedRequest::idempotencyKey).filter(Objects::nonNull).distinct().toList();
      if (keys.size() > 1) {
        bad.add(attempts.get(0).describe() + " repeated " + (attempts.size() - 1) + " time(s) under keys " + keys);
      }
    }
    if (repeated == 0) {
      return CheckResult.notApplicable("no write was repeated");
    }
    return bad.isEmpty()
        ? CheckResult.pass(repeated + " repeated write(s), each under one Idempotency-Key")
        : CheckResult.fail(bad.size() + " of " + repeated + " repeated writes changed their Idempotency-Key", bad);
  }
}
