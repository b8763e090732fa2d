package org.capillary.gateway.ratelimit;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the production profile's Redis is ({@code capillary.gateway.redis}), shared by the rate
 * limiter and the replay cache.
 *
 * @param uri a Lettuce Redis URI; default {@code redis://127.0.0.1:6379}. Credentials may be part
 *     of the URI ({@code redis://:password@host:6379/0}); TLS with {@code rediss://}.
 * @param commandTimeout how long one command may take before the request is refused with
 *     SERVICE_UNAVAILABLE; default 200 ms. Short on purpose: a slow Redis must not hold requests,
 *     and the limiter fails closed. Raise it only for a Redis across a slow network.
 * @param connectTimeout how long (re)connecting may take; default 500 ms
 */
@ConfigurationProperties("capillary.gateway.redis")
public record RedisConnectionProperties(
    @DefaultValue("redis://127.0.0.1:6379") String uri,
    @DefaultValue("200ms") Duration commandTimeout,
    @DefaultValue("500ms") Duration connectTimeout) {

  /**
   * @throws IllegalArgumentException if a timeout is not positive
   */
  public RedisConnectionProperties {
    if (commandTimeout.isNegative() || commandTimeout.isZero() || connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("capillary.gateway.redis timeouts must be positive");
    }
  }

  /** The URI, with the command timeout applied. */
  public RedisURI redisUri() {
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(commandTimeout);
    return redisUri;
  }
}
