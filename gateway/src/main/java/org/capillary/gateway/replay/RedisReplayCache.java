package org.capillary.gateway.replay;

import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.capillary.gateway.ratelimit.RedisConnectionProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The production cache: one Redis key per id, {@code capillary:jti:<connectorId>:<jti>}, written
 * with {@code SET … NX EX <ttl>} so the check and the record are one atomic step shared by every
 * replica, and Redis forgets the id when its window ends. Fails closed: an error or timeout of
 * Redis errors the Mono.
 */
@Component
@Profile("production")
public final class RedisReplayCache implements ReplayCache {

  /** Prefix of the keys. */
  public static final String KEY_PREFIX = "capillary:jti:";

  private static final byte[] SEEN = {'1'};

  private final RedisConnectionProvider connections;

  /**
   * @param connections the shared Redis connection
   */
  public RedisReplayCache(RedisConnectionProvider connections) {
    this.connections = connections;
  }

  @Override
  public Mono<Boolean> markSeen(String connectorId, String jti, Duration ttl) {
    byte[] key = key(connectorId, jti);
    // Whole seconds, rounded up: an id is never forgotten before its window ends.
    long seconds = Math.max(1, ttl.getNano() == 0 ? ttl.getSeconds() : ttl.getSeconds() + 1);
    return connections.connection()
        .flatMap(c -> Mono.fromCompletionStage(c.async().set(key, SEEN, SetArgs.Builder.nx().ex(seconds))))
        .map("OK"::equals)
        // SET NX answers nil when the key exists, which completes the Mono empty.
        .defaultIfEmpty(Boolean.FALSE);
  }

  /** The key of an id. */
  static byte[] key(String connectorId, String jti) {
    return (KEY_PREFIX + connectorId + ':' + jti).getBytes(StandardCharsets.UTF_8);
  }
}
