package org.capillary.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The production profile's Redis client ({@link RedisConnectionProperties}), used for the shared
 * rate-limit buckets and the replay cache. Commands time out after the short command timeout and
 * are rejected while disconnected, so a Redis outage refuses requests at once (fail closed)
 * instead of queueing them.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
public class RedisConfiguration {

  /**
   * The Lettuce client.
   *
   * @param properties where Redis is
   * @return the client, shut down with the context
   */
  @Bean(destroyMethod = "shutdown")
  public RedisClient capillaryRedisClient(RedisConnectionProperties properties) {
    return client(properties);
  }

  /**
   * The shared connection.
   *
   * @param capillaryRedisClient the client
   * @param properties where Redis is
   * @return the connection provider, closed with the context
   */
  @Bean
  public RedisConnectionProvider redisConnectionProvider(RedisClient capillaryRedisClient, RedisConnectionProperties properties) {
    return new RedisConnectionProvider(capillaryRedisClient, properties.redisUri());
  }

  /**
   * A Lettuce client with the gateway's fail-fast options.
   *
   * @param properties where Redis is and the timeouts
   * @return a new client; the caller shuts it down
   */
  public static RedisClient client(RedisConnectionProperties properties) {
    RedisClient client = RedisClient.create();
    client.setOptions(ClientOptions.builder()
        .timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout()))
        .socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .autoReconnect(true)
        .build());
    return client;
  }
}
