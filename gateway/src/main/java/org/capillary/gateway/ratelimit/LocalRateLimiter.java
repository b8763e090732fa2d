package org.capillary.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.capillary.gateway.connector.Connector;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The embedded default: one in-process bucket4j bucket per connector, created on the connector's
 * first request from its plan. Buckets are not shared between processes; use the production
 * profile ({@link RedisRateLimiter}) when several replicas must enforce one limit.
 *
 * <p>When a connector's plan changes, its bucket takes the new configuration and keeps its tokens
 * in proportion to the new capacity (as the Redis limiter does). Consumption never blocks.
 */
@Component
@Profile("!production")
public final class LocalRateLimiter implements RateLimiter {

  private record ConnectorBucket(RatePlan plan, Bucket bucket) {}

  private final RatePlanProperties plans;
  private final TimeMeter time;
  private final ConcurrentMap<String, ConnectorBucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param plans the configured plans
   * @param clock the time source of refill
   */
  public LocalRateLimiter(RatePlanProperties plans, Clock clock) {
    this.plans = plans;
    this.time = new ClockTimeMeter(clock);
  }

  @Override
  public Mono<RateLimitDecision> tryConsume(Connector connector) {
    return Mono.fromCallable(() -> {
      RatePlan plan = plans.require(connector.ratePlan());
      ConnectorBucket current = buckets.compute(connector.connectorId(), (id, existing) -> {
        if (existing == null) {
          return new ConnectorBucket(plan, Bucket.builder()
              .addLimit(Buckets.bandwidth(plan))
              .withCustomTimePrecision(time)
              .build());
        }
        if (!existing.plan().equals(plan)) {
          existing.bucket().replaceConfiguration(Buckets.configuration(plan), Buckets.ON_PLAN_CHANGE);
          return new ConnectorBucket(plan, existing.bucket());
        }
        return existing;
      });
      return Buckets.decision(plan, current.bucket().tryConsumeAndReturnRemaining(1));
    });
  }
}
