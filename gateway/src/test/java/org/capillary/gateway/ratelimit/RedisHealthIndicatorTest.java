package org.capillary.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class RedisHealthIndicatorTest {

  @Test
  void upWhenRedisAnswers() {
    try (RedisTestSupport.Replica replica = RedisTestSupport.Replica.connect(RedisTestSupport.URI)) {
      assertThat(new RedisHealthIndicator(replica.connections()).health().block().getStatus()).isEqualTo(Status.UP);
    }
  }

  @Test
  void downWhenRedisIsUnreachable() {
    try (RedisTestSupport.Replica replica = RedisTestSupport.Replica.connect(RedisTestSupport.CLOSED_URI)) {
      Health health = new RedisHealthIndicator(replica.connections()).health().block();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("error", "RedisConnectionException");
    }
  }
}
