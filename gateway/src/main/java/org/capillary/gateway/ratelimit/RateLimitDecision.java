package org.capillary.gateway.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of {@link RateLimiter#tryConsume}.
 *
 * @param allowed whether the request may proceed
 * @param plan the plan applied
 * @param remaining tokens left after this request
 * @param resetAfter time until the bucket is full again
 * @param retryAfter when refused, time until a token is available; zero when allowed
 */
public record RateLimitDecision(boolean allowed, RatePlan plan, long remaining, Duration resetAfter, Duration retryAfter) {

  public RateLimitDecision {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(resetAfter, "resetAfter");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }
}
