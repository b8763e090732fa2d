package org.capillary.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.capillary.gateway.connector.Connector;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
  private final RatePlanProperties plans = new RatePlanProperties(Map.of(
      "small", new RatePlanProperties.Plan(3, Duration.ofSeconds(3)),
      "large", new RatePlanProperties.Plan(6, Duration.ofSeconds(3))));
  private final LocalRateLimiter limiter = new LocalRateLimiter(plans, clock);

  @Test
  void allowsCapacityThenRefusesWithTimeToTheNextToken() {
    Connector c = TestConnectors.on("c1", "small");

    RateLimitDecision first = consume(c);
    assertThat(first.allowed()).isTrue();
    assertThat(first.remaining()).isEqualTo(2);
    assertThat(first.retryAfter()).isZero();
    assertThat(first.resetAfter()).isEqualTo(Duration.ofSeconds(1)); // one token at 1 per second
    assertThat(consume(c).remaining()).isEqualTo(1);
    RateLimitDecision third = consume(c);
    assertThat(third.allowed()).isTrue();
    assertThat(third.remaining()).isZero();
    assertThat(third.resetAfter()).isEqualTo(Duration.ofSeconds(3));

    RateLimitDecision refused = consume(c);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(refused.plan().name()).isEqualTo("small");
  }

  @Test
  void refillsGreedilyAsTheClockMoves() {
    Connector c = TestConnectors.on("c2", "small");
    for (int i = 0; i < 3; i++) {
      consume(c);
    }
    clock.advance(Duration.ofMillis(400));
    RateLimitDecision early = consume(c);
    assertThat(early.allowed()).isFalse();
    assertThat(early.retryAfter()).isEqualTo(Duration.ofMillis(600));

    clock.advance(Duration.ofMillis(600));
    assertThat(consume(c).allowed()).isTrue();

    clock.advance(Duration.ofHours(1));
    assertThat(consume(c).remaining()).as("never more than capacity").isEqualTo(2);
  }

  @Test
  void bucketsArePerConnector() {
    Connector a = TestConnectors.on("a", "small");
    Connector b = TestConnectors.on("b", "small");
    for (int i = 0; i < 3; i++) {
      consume(a);
    }
    assertThat(consume(a).allowed()).isFalse();
    assertThat(consume(b).allowed()).isTrue();
  }

  @Test
  void planChangeTakesEffectKeepingTokensInProportion() {
    consume(TestConnectors.on("c3", "small")); // 2 of 3 left

    RateLimitDecision after = consume(TestConnectors.on("c3", "large")); // 4 of 6, then one taken
    assertThat(after.plan().capacity()).isEqualTo(6);
    assertThat(after.remaining()).isEqualTo(3);
  }

  @Test
  void unknownPlanFailsClosed() {
    assertThatThrownBy(() -> consume(TestConnectors.on("c4", "platinum")))
        .isInstanceOf(UnknownRatePlanException.class);
  }

  @Test
  void headersDescribeTheDecision() {
    Connector c = TestConnectors.on("c5", "small");
    RateLimitDecision first = consume(c);

    assertThat(RateLimitHeaders.policy(first.plan())).isEqualTo("\"small\";q=3;w=3");
    assertThat(RateLimitHeaders.limit(first)).isEqualTo("\"small\";r=2;t=1");
    consume(c);
    consume(c);
    clock.advance(Duration.ofMillis(100));
    RateLimitDecision refused = consume(c);
    assertThat(RateLimitHeaders.limit(refused)).isEqualTo("\"small\";r=0;t=3"); // 2.9 s, rounded up
    assertThat(RateLimitHeaders.retryAfter(refused)).isEqualTo("1"); // 0.9 s, rounded up
  }

  private RateLimitDecision consume(Connector c) {
    return limiter.tryConsume(c).block();
  }
}
