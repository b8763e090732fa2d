package org.capillary.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.capillary.gateway.connector.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** Against the machine's real Redis; connector ids are unique per run. */
class RedisRateLimiterTest {

  private final MutableClock clock = new MutableClock(Instant.now());
  private final RatePlanProperties plans = new RatePlanProperties(Map.of(
      "small", new RatePlanProperties.Plan(5, Duration.ofSeconds(5)),
      "large", new RatePlanProperties.Plan(10, Duration.ofSeconds(5))));
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Test
  void twoReplicasShareOneBucket() {
    RedisRateLimiter first = limiter(RedisTestSupport.URI);
    RedisRateLimiter second = limiter(RedisTestSupport.URI);
    Connector c = TestConnectors.on("small");

    int allowed = 0;
    for (int i = 0; i < 6; i++) {
      allowed += first.tryConsume(c).block().allowed() ? 1 : 0;
      allowed += second.tryConsume(c).block().allowed() ? 1 : 0;
    }

    assertThat(allowed).as("allowed across both replicas").isEqualTo(5);
    RateLimitDecision refused = second.tryConsume(c).block();
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(refused.resetAfter()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void concurrentRequestsOnTwoReplicasNeverExceedCapacity() {
    RedisRateLimiter first = limiter(RedisTestSupport.URI);
    RedisRateLimiter second = limiter(RedisTestSupport.URI);
    Connector c = TestConnectors.on("small");

    List<RateLimitDecision> decisions = Flux.range(0, 40)
        .flatMap(i -> (i % 2 == 0 ? first : second).tryConsume(c), 40)
        .collectList()
        .block(Duration.ofSeconds(10));

    assertThat(decisions).hasSize(40);
    assertThat(decisions).filteredOn(RateLimitDecision::allowed).hasSize(5);
  }

  @Test
  void refillsByTheClock() {
    RedisRateLimiter limiter = limiter(RedisTestSupport.URI);
    Connector c = TestConnectors.on("small");
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryConsume(c).block().allowed()).isTrue();
    }
    assertThat(limiter.tryConsume(c).block().allowed()).isFalse();

    clock.advance(Duration.ofSeconds(2));
    RateLimitDecision after = limiter.tryConsume(c).block();
    assertThat(after.allowed()).isTrue();
    assertThat(after.remaining()).isEqualTo(1);
  }

  @Test
  void bucketIsStoredUnderTheConnectorKeyAndExpires() {
    RedisTestSupport.Replica replica = replica(RedisTestSupport.URI);
    RedisRateLimiter limiter = new RedisRateLimiter(replica.connections(), plans, clock);
    Connector c = TestConnectors.on("small");
    limiter.tryConsume(c).block();

    StatefulRedisConnection<byte[], byte[]> redis = replica.connections().connection().block();
    Long ttlMillis = redis.sync().pttl(RedisRateLimiter.key(c.connectorId()));
    assertThat(new String(RedisRateLimiter.key(c.connectorId()))).isEqualTo("capillary:rl:" + c.connectorId());
    // time to full (1 s for one token) plus the 10 s kept afterwards
    assertThat(ttlMillis).isPositive().isLessThanOrEqualTo(11_000);
  }

  @Test
  void planChangeReplacesTheStoredConfiguration() {
    String id = "test-" + UUID.randomUUID();
    RedisRateLimiter before = limiter(RedisTestSupport.URI);
    before.tryConsume(TestConnectors.on(id, "small")).block(); // 4 of 5 left

    // Another replica, which has never seen this connector, meets it on its new plan.
    RedisRateLimiter after = limiter(RedisTestSupport.URI);
    RateLimitDecision d = after.tryConsume(TestConnectors.on(id, "large")).block(); // 8 of 10, one taken

    assertThat(d.plan().capacity()).isEqualTo(10);
    assertThat(d.remaining()).isEqualTo(7);
    // and the first replica, on the new plan too, takes from the replaced bucket
    assertThat(before.tryConsume(TestConnectors.on(id, "large")).block().remaining()).isEqualTo(6);
  }

  @Test
  void unknownPlanFailsClosed() {
    RedisRateLimiter limiter = limiter(RedisTestSupport.URI);
    assertThatThrownBy(() -> limiter.tryConsume(TestConnectors.on("platinum")).block())
        .isInstanceOf(UnknownRatePlanException.class);
  }

  @Test
  void redisDownFailsClosed() {
    RedisRateLimiter limiter = limiter(RedisTestSupport.CLOSED_URI);
    Connector c = TestConnectors.on("small");

    assertThatThrownBy(() -> limiter.tryConsume(c).block(Duration.ofSeconds(5))).isInstanceOf(RedisConnectionException.class);
    assertThatThrownBy(() -> limiter.tryConsume(c).block(Duration.ofSeconds(5)))
        .as("a failed connection is retried, and fails again")
        .isInstanceOf(RedisConnectionException.class);
  }

  @Test
  void redisThatNeverAnswersTheHandshakeFailsClosedWithinTheTimeouts() throws IOException {
    // The kernel completes the TCP handshake on the listen backlog; nothing ever reads or answers.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      RedisRateLimiter limiter = limiter("redis://127.0.0.1:" + silent.getLocalPort());

      long start = System.nanoTime();
      assertThatThrownBy(() -> limiter.tryConsume(TestConnectors.on("small")).block(Duration.ofSeconds(5)))
          .isInstanceOf(RedisConnectionException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void redisThatStopsAnsweringFailsClosedAfterTheCommandTimeout() throws IOException {
    try (SwitchableProxy proxy = new SwitchableProxy(6379)) {
      RedisRateLimiter limiter = limiter(proxy.uri());
      Connector c = TestConnectors.on("small");
      assertThat(limiter.tryConsume(c).block(Duration.ofSeconds(5)).allowed()).isTrue();

      proxy.silence();
      long start = System.nanoTime();
      assertThatThrownBy(() -> limiter.tryConsume(c).block(Duration.ofSeconds(5)))
          .isInstanceOf(RedisCommandTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  private RedisRateLimiter limiter(String uri) {
    return new RedisRateLimiter(replica(uri).connections(), plans, clock);
  }

  private RedisTestSupport.Replica replica(String uri) {
    RedisTestSupport.Replica replica = RedisTestSupport.Replica.connect(uri);
    open.add(replica);
    return replica;
  }
}
