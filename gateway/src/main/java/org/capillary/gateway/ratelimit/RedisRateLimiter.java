package org.capillary.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.capillary.gateway.connector.Connector;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The production limiter: one bucket4j bucket per connector in Redis (bucket4j Lettuce,
 * compare-and-swap, asynchronous), under the key {@code capillary:rl:<connectorId>}, so every
 * replica takes from the same bucket. A bucket that is idle until full, and then some more
 * ({@link #KEEP_AFTER_FULL}), expires from Redis by itself.
 *
 * <p>Plan changes: the first time this replica sees a connector on a plan, it compares the
 * configuration stored in Redis with the plan and replaces it if they differ, keeping the tokens in
 * proportion. One extra round trip per connector and plan per replica, none on the hot path.
 *
 * <p>Fails closed: when Redis is down or slow (the command timeout of
 * {@link RedisConnectionProperties}), the Mono errors and the request is refused.
 */
@Component
@Profile("production")
public final class RedisRateLimiter implements RateLimiter {

  /** Prefix of the bucket keys. */
  public static final String KEY_PREFIX = "capillary:rl:";

  /** How long a full, idle bucket stays in Redis before it expires. */
  static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

  private record ConnectorBucket(RatePlan plan, AsyncBucketProxy bucket, Mono<Boolean> reconciled) {}

  private final RatePlanProperties plans;
  private final Mono<AsyncProxyManager<byte[]>> proxyManager;
  private final ConcurrentMap<String, ConnectorBucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param connections the shared Redis connection
   * @param plans the configured plans
   * @param clock the time source of refill; replicas' clocks must be synchronised
   */
  public RedisRateLimiter(RedisConnectionProvider connections, RatePlanProperties plans, Clock clock) {
    this.plans = plans;
    ClockTimeMeter time = new ClockTimeMeter(clock);
    this.proxyManager = connections.connection()
        .map(connection -> Bucket4jLettuce.casBasedBuilder(connection)
            .clientClock(time)
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
            .build()
            .asAsync())
        .cacheInvalidateIf(m -> false);
  }

  @Override
  public Mono<RateLimitDecision> tryConsume(Connector connector) {
    RatePlan plan;
    try {
      plan = plans.require(connector.ratePlan());
    } catch (UnknownRatePlanException e) {
      return Mono.error(e);
    }
    return proxyManager.flatMap(manager -> {
      ConnectorBucket current = bucketOf(manager, connector.connectorId(), plan);
      return current.reconciled()
          .then(Mono.fromFuture(() -> current.bucket().tryConsumeAndReturnRemaining(1)))
          .map(probe -> Buckets.decision(plan, probe));
    });
  }

  /** The key of a connector's bucket. */
  static byte[] key(String connectorId) {
    return (KEY_PREFIX + connectorId).getBytes(StandardCharsets.UTF_8);
  }

  private ConnectorBucket bucketOf(AsyncProxyManager<byte[]> manager, String connectorId, RatePlan plan) {
    return buckets.compute(connectorId, (id, existing) -> existing != null && existing.plan().equals(plan)
        ? existing
        : newBucket(manager, id, plan));
  }

  private static ConnectorBucket newBucket(AsyncProxyManager<byte[]> manager, String connectorId, RatePlan plan) {
    byte[] key = key(connectorId);
    BucketConfiguration configuration = Buckets.configuration(plan);
    CompletableFuture<BucketConfiguration> supplied = CompletableFuture.completedFuture(configuration);
    AsyncBucketProxy bucket = manager.builder().build(key, () -> supplied);
    Mono<Boolean> reconciled = Mono.fromFuture(() -> manager.getProxyConfiguration(key))
        .flatMap(stored -> stored.isPresent() && !stored.get().equals(configuration)
            ? Mono.fromFuture(() -> bucket.replaceConfiguration(configuration, Buckets.ON_PLAN_CHANGE))
            : Mono.<Void>empty())
        .thenReturn(Boolean.TRUE)
        // Done once when it succeeds; an error is not cached, so the next request checks again.
        .cacheInvalidateIf(done -> false);
    return new ConnectorBucket(plan, bucket, reconciled);
  }
}
