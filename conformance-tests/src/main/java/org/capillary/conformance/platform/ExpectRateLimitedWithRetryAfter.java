package org.capillary.conformance.platform;

import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/**
 * A connector that exhausts its plan is refused with 429 RATE_LIMITED, a {@code Retry-After} in
 * whole seconds and the rate-limit headers; the requests before the refusal were accepted.
 */
public final class ExpectRateLimitedWithRetryAfter implements Check<RateLimitRun> {

  @Override
  public String description() {
    return "Exhausting a rate plan yields 429 RATE_LIMITED with Retry-After (seconds) and RateLimit headers.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-RL-01");
  }

  @Override
  public CheckResult run(RateLimitRun run, Transcript transcript) {
    if (run.notApplicable() != null) {
      return CheckResult.notApplicable(run.notApplicable());
    }
    if (run.burst().isEmpty()) {
      return CheckResult.fail("no request of the burst was sent");
    }
    Exchange last = run.burst().get(run.burst().size() - 1);
    if (last.status() != 429) {
      return CheckResult.fail(run.burst().size() + " requests on the small plan and no 429", last.brief());
    }
    for (Exchange e : run.burst().subList(0, run.burst().size() - 1)) {
      if (e.status() != 201) {
        return CheckResult.fail("a request before the limit was not accepted", e.brief(), e.bodyText(300));
      }
    }
    if (!last.code().equals("RATE_LIMITED")) {
      return CheckResult.fail("429 with code " + last.code() + ", not RATE_LIMITED", last.brief());
    }
    String retryAfter = last.header("Retry-After").orElse("");
    if (!retryAfter.matches("\\d+")) {
      return CheckResult.fail("Retry-After is '" + retryAfter + "', not a number of seconds", last.brief());
    }
    if (last.header("RateLimit").isEmpty() || last.header("RateLimit-Policy").isEmpty()) {
      return CheckResult.fail("the 429 lacks RateLimit or RateLimit-Policy", last.brief());
    }
    return CheckResult.pass("refused after " + (run.burst().size() - 1) + " accepted requests, Retry-After " + retryAfter, last.brief());
  }
}
