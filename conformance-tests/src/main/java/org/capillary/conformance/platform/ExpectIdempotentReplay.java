package org.capillary.conformance.platform;

import java.util.Arrays;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/**
 * A retry with the same Idempotency-Key and body gets the stored response: the same status and the
 * same body octets (so the same receipt), marked {@code Idempotent-Replayed: true}.
 */
public final class ExpectIdempotentReplay implements Check<IdempotencyRun> {

  @Override
  public String description() {
    return "A retry with the same Idempotency-Key and body is answered with the stored response, marked Idempotent-Replayed: true.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-IDM-01", "CAP-SIG-17");
  }

  @Override
  public CheckResult run(IdempotencyRun run, Transcript transcript) {
    if (run.first().status() != 201) {
      return CheckResult.fail("the first request was not accepted", run.first().brief(), run.first().bodyText(300));
    }
    Exchange replay = run.replay();
    if (replay.status() != run.first().status()) {
      return CheckResult.fail("the retry was answered " + replay.status() + ", the first " + run.first().status(), replay.brief(),
          replay.bodyText(300));
    }
    if (!Arrays.equals(replay.responseBody(), run.first().responseBody())) {
      return CheckResult.fail("the retry's body differs from the stored response", run.first().bodyText(300), replay.bodyText(300));
    }
    if (!"true".equals(replay.header("Idempotent-Replayed").orElse(null))) {
      return CheckResult.fail("the retry is not marked Idempotent-Replayed: true", replay.brief());
    }
    return CheckResult.pass("the stored response was replayed", replay.brief());
  }
}
