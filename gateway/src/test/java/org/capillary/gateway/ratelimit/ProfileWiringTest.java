package org.capillary.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import java.time.Clock;
import org.capillary.gateway.replay.InMemoryReplayCache;
import org.capillary.gateway.replay.RedisReplayCache;
import org.capillary.gateway.replay.ReplayCache;
import org.capillary.gateway.replay.ReplayFilter;
import org.capillary.gateway.replay.ReplayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/** Which limiter and replay cache each profile gets, and their properties. */
class ProfileWiringTest {

  @Configuration(proxyBeanMethods = false)
  @ComponentScan(
      basePackageClasses = {RateLimiter.class, ReplayCache.class},
      excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ProfileWiringTest.class))
  @EnableConfigurationProperties({RatePlanProperties.class, RedisConnectionProperties.class, ReplayProperties.class})
  static class Wiring {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Wiring.class);

  @Test
  void embeddedDefaultIsInProcess() {
    runner.withPropertyValues("capillary.gateway.rate-limit.plans.standard.capacity=7",
            "capillary.gateway.rate-limit.plans.standard.window=2s")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx).getBean(RateLimiter.class).isInstanceOf(LocalRateLimiter.class);
          assertThat(ctx).getBean(ReplayCache.class).isInstanceOf(InMemoryReplayCache.class);
          assertThat(ctx).hasSingleBean(RateLimitFilter.class).hasSingleBean(ReplayFilter.class);
          assertThat(ctx).doesNotHaveBean(RedisClient.class).doesNotHaveBean(RedisHealthIndicator.class);
          assertThat(ctx.getBean(RatePlanProperties.class).require("standard").capacity()).isEqualTo(7);
        });
  }

  @Test
  void productionUsesRedis() {
    runner.withPropertyValues("spring.profiles.active=production", "capillary.gateway.redis.uri=redis://127.0.0.1:6379")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx).getBean(RateLimiter.class).isInstanceOf(RedisRateLimiter.class);
          assertThat(ctx).getBean(ReplayCache.class).isInstanceOf(RedisReplayCache.class);
          assertThat(ctx).hasSingleBean(RedisClient.class).hasSingleBean(RedisConnectionProvider.class);
          assertThat(ctx).hasBean("capillaryRedisHealthIndicator");
          assertThat(ctx.getBean(RedisConnectionProperties.class).commandTimeout()).hasMillis(200);
          assertThat(ctx.getBean(RatePlanProperties.class).plans()).containsKeys("standard", "devices", "operator");
        });
  }

  @Test
  void productionStartsWhileRedisIsDown() {
    runner.withPropertyValues("spring.profiles.active=production", "capillary.gateway.redis.uri=" + RedisTestSupport.CLOSED_URI)
        .run(ctx -> assertThat(ctx).hasNotFailed());
  }
}
