package org.capillary.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;

/** What the local and the Redis limiter share: plan → bucket configuration, probe → decision. */
final class Buckets {

  /**
   * How tokens carry over when a connector's plan changes: in proportion to the new capacity, so a
   * plan change neither hands out a fresh burst nor strands a connector at zero.
   */
  static final TokensInheritanceStrategy ON_PLAN_CHANGE = TokensInheritanceStrategy.PROPORTIONALLY;

  private Buckets() {}

  /** The plan's one limit: capacity tokens, refilled greedily with capacity tokens per window. */
  static Bandwidth bandwidth(RatePlan plan) {
    return Bandwidth.builder().capacity(plan.capacity()).refillGreedy(plan.capacity(), plan.window()).build();
  }

  static BucketConfiguration configuration(RatePlan plan) {
    return BucketConfiguration.builder().addLimit(bandwidth(plan)).build();
  }

  static RateLimitDecision decision(RatePlan plan, ConsumptionProbe probe) {
    return new RateLimitDecision(
        probe.isConsumed(),
        plan,
        probe.getRemainingTokens(),
        Duration.ofNanos(Math.max(0, probe.getNanosToWaitForReset())),
        probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(0, probe.getNanosToWaitForRefill())));
  }
}
