package org.capillary.gateway.ratelimit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Actuator health of the gateway's own Redis connection ({@code capillaryRedis}): a PING within
 * the command timeout. Down means rate-limited and signed requests are being refused. The URI is
 * not reported, as it may hold a password.
 */
@Component("capillaryRedisHealthIndicator")
@Profile("production")
public final class RedisHealthIndicator implements ReactiveHealthIndicator {

  private final RedisConnectionProvider connections;

  /**
   * @param connections the shared Redis connection
   */
  public RedisHealthIndicator(RedisConnectionProvider connections) {
    this.connections = connections;
  }

  @Override
  public Mono<Health> health() {
    return connections.connection()
        .flatMap(c -> Mono.fromCompletionStage(c.async().ping()))
        .map(pong -> Health.up().build())
        .defaultIfEmpty(Health.down().build())
        .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()));
  }
}
