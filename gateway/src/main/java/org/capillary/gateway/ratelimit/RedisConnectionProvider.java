package org.capillary.gateway.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The one Lettuce connection of the production profile, shared by the rate limiter and the replay
 * cache (a Lettuce connection is thread-safe and multiplexes commands).
 *
 * <p>Connected lazily, without blocking, on first use: the gateway starts while Redis is down, and
 * requests are refused with SERVICE_UNAVAILABLE until it is back. A failed connection attempt is
 * not remembered, so the next request tries again; once connected, Lettuce reconnects by itself
 * and rejects commands while disconnected rather than queueing them. Closed with the context.
 */
public final class RedisConnectionProvider implements AutoCloseable {

  private final Mono<StatefulRedisConnection<byte[], byte[]>> connection;
  private final AtomicReference<@Nullable StatefulRedisConnection<byte[], byte[]>> opened = new AtomicReference<>();

  /**
   * @param client the Lettuce client (see {@link RedisConfiguration#client})
   * @param uri where to connect
   */
  public RedisConnectionProvider(RedisClient client, RedisURI uri) {
    this.connection = Mono.defer(() -> Mono.fromCompletionStage(client.connectAsync(ByteArrayCodec.INSTANCE, uri)))
        .doOnNext(opened::set)
        // Errors are not cached by cacheInvalidateIf: a failed attempt is retried by the next caller.
        .cacheInvalidateIf(c -> false);
  }

  /**
   * The connection, connecting first if needed.
   *
   * @return the connection, or an error if Redis cannot be reached
   */
  public Mono<StatefulRedisConnection<byte[], byte[]>> connection() {
    return connection;
  }

  @Override
  public void close() {
    StatefulRedisConnection<byte[], byte[]> c = opened.getAndSet(null);
    if (c != null) {
      c.close();
    }
  }
}
