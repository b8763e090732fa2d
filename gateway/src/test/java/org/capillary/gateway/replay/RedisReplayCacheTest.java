package org.capillary.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.UUID;
import org.capillary.gateway.ratelimit.RedisTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against the machine's real Redis; ids are unique per run. */
class RedisReplayCacheTest {

  private final RedisTestSupport.Replica replica = RedisTestSupport.Replica.connect(RedisTestSupport.URI);
  private final RedisReplayCache cache = new RedisReplayCache(replica.connections());
  private final String run = UUID.randomUUID().toString();

  @AfterEach
  void close() {
    replica.connections().connection().block().sync()
        .del(RedisReplayCache.key("c1-" + run, "jti-1"), RedisReplayCache.key("c2-" + run, "jti-1"));
    replica.close();
  }

  @Test
  void firstSightIsTrueThenFalse() {
    assertThat(cache.markSeen("c1-" + run, "jti-1", Duration.ofMinutes(1)).block()).isTrue();
    assertThat(cache.markSeen("c1-" + run, "jti-1", Duration.ofMinutes(1)).block()).isFalse();
  }

  @Test
  void connectorsAreIndependent() {
    assertThat(cache.markSeen("c1-" + run, "jti-1", Duration.ofMinutes(1)).block()).isTrue();
    assertThat(cache.markSeen("c2-" + run, "jti-1", Duration.ofMinutes(1)).block()).isTrue();
  }

  @Test
  void replicasShareOneSpace() {
    try (RedisTestSupport.Replica other = RedisTestSupport.Replica.connect(RedisTestSupport.URI)) {
      assertThat(cache.markSeen("c1-" + run, "jti-1", Duration.ofMinutes(1)).block()).isTrue();
      assertThat(new RedisReplayCache(other.connections()).markSeen("c1-" + run, "jti-1", Duration.ofMinutes(1)).block()).isFalse();
    }
  }

  @Test
  void keyCarriesTheWindowAsItsTtl() {
    cache.markSeen("c1-" + run, "jti-1", Duration.ofHours(24)).block();

    byte[] key = RedisReplayCache.key("c1-" + run, "jti-1");
    assertThat(new String(key)).isEqualTo("capillary:jti:c1-" + run + ":jti-1");
    Long ttl = replica.connections().connection().block().sync().ttl(key);
    assertThat(ttl).isPositive().isLessThanOrEqualTo(86_400).isGreaterThan(86_300);
  }

  @Test
  void subSecondTtlIsRoundedUpNotDropped() {
    cache.markSeen("c1-" + run, "jti-1", Duration.ofMillis(10)).block();
    Long ttl = replica.connections().connection().block().sync().ttl(RedisReplayCache.key("c1-" + run, "jti-1"));
    assertThat(ttl).isEqualTo(1);
  }

  @Test
  void redisDownFailsClosed() {
    try (RedisTestSupport.Replica down = RedisTestSupport.Replica.connect(RedisTestSupport.CLOSED_URI)) {
      RedisReplayCache unreachable = new RedisReplayCache(down.connections());
      assertThatThrownBy(() -> unreachable.markSeen("c1-" + run, "jti-1", Duration.ofMinutes(1)).block(Duration.ofSeconds(5)))
          .isInstanceOf(RedisException.class);
    }
  }
}
