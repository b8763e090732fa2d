package org.capillary.conformance.platform;

import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/** Another body under a used Idempotency-Key is refused: 422 IDEMPOTENCY_KEY_REUSED. */
public final class ExpectIdempotencyKeyReuseRejected implements Check<IdempotencyRun> {

  @Override
  public String description() {
    return "A different body under an Idempotency-Key already used is refused with 422 IDEMPOTENCY_KEY_REUSED.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-IDM-02");
  }

  @Override
  public CheckResult run(IdempotencyRun run, Transcript transcript) {
    if (run.first().status() != 201) {
      return CheckResult.fail("the first request was not accepted", run.first().brief());
    }
    Exchange e = run.otherBody();
    return e.status() == 422 && e.code().equals("IDEMPOTENCY_KEY_REUSED") ? CheckResult.pass("refused", e.brief())
        : CheckResult.fail("answered " + e.status() + " " + e.code(), e.brief(), e.bodyText(300));
  }
}
