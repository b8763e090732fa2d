package org.capillary.gateway.ratelimit;

import io.lettuce.core.RedisClient;
import java.time.Duration;

/** The machine's real Redis (127.0.0.1:6379), or a port where nothing listens, for tests. */
public final class RedisTestSupport {

  /** The machine's Redis. */
  public static final String URI = "redis://127.0.0.1:6379";
  /** Nothing listens on port 1: connecting is refused at once. */
  public static final String CLOSED_URI = "redis://127.0.0.1:1";

  private RedisTestSupport() {}

  /**
   * The production settings, but with a 1 s command timeout: this machine runs other builds at the
   * same time, and a connection handshake slower than 200 ms must not make a test flaky.
   */
  public static RedisConnectionProperties properties(String uri) {
    return new RedisConnectionProperties(uri, Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  /** A client and its connection, as one replica holds them. */
  public record Replica(RedisClient client, RedisConnectionProvider connections) implements AutoCloseable {

    public static Replica connect(String uri) {
      RedisConnectionProperties properties = properties(uri);
      RedisClient client = RedisConfiguration.client(properties);
      return new Replica(client, new RedisConnectionProvider(client, properties.redisUri()));
    }

    @Override
    public void close() {
      connections.close();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
