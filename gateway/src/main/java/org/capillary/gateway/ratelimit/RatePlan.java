package org.capillary.gateway.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate plan: a bucket of {@code capacity} tokens refilled with {@code capacity} tokens every
 * {@code window} (greedy refill), published to the connector in RateLimit-Policy.
 *
 * @param name plan name, e.g. {@code standard}
 * @param capacity tokens per window (also the burst)
 * @param window refill window
 */
public record RatePlan(String name, long capacity, Duration window) {

  public RatePlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(window, "window");
    if (capacity < 1 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("capacity and window must be positive");
    }
  }
}
