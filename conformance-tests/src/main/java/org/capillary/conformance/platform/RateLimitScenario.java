package org.capillary.conformance.platform;

import java.util.ArrayList;
import java.util.List;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.plan.Transcript;

/**
 * Reads the rate-limit headers of an accepted write; then, when the run names a small rate plan the
 * gateway publishes ({@code rateLimit.plan}), registers a fresh connector on it through the admin
 * API and writes until it is refused (at most {@value #MAX_BURST} requests).
 */
public final class RateLimitScenario implements Scenario<RateLimitRun> {

  /** The setting naming a small rate plan (capacity below {@value #MAX_BURST} per window). */
  public static final String PLAN_SETTING = "rateLimit.plan";

  static final int MAX_BURST = 60;

  @Override
  public String id() {
    return "rate-limits";
  }

  @Override
  public String description() {
    return "Reads RateLimit-Policy and RateLimit on an accepted write, and exhausts a small rate plan to see 429 with Retry-After.";
  }

  @Override
  public RateLimitRun setUp(RunSettings settings, Transcript transcript) {
    PlatformSession s = PlatformSession.open(settings, transcript);
    Exchange accepted = s.client().write("accepted", s.connectors().insurerA(), "POST", PolicyRequests.TARGET, "application/json",
        PolicyRequests.body(s.fixtures()));
    String plan = settings.value(PLAN_SETTING).orElse(null);
    if (plan == null) {
      return new RateLimitRun(accepted, List.of(), "the run names no small rate plan (--set " + PLAN_SETTING
          + "=<plan>): a connector cannot be made to exhaust its plan in a bounded test");
    }
    PlatformConnector tiny = s.fixtures().register("INSURER", plan);
    PlatformClient strict = s.client().withoutRateLimitRetries();
    List<Exchange> burst = new ArrayList<>();
    for (int i = 0; i < MAX_BURST; i++) {
      Exchange e = strict.write("burst-" + (i + 1), tiny, "POST", PolicyRequests.TARGET, "application/json",
          PolicyRequests.body(s.fixtures()));
      burst.add(e);
      if (e.status() == 429) {
        break;
      }
    }
    return new RateLimitRun(accepted, burst, null);
  }

  @Override
  public List<Check<? super RateLimitRun>> checks() {
    return List.of(new EnsureRateLimitHeadersPresent(), new ExpectRateLimitedWithRetryAfter());
  }
}
