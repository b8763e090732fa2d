package org.capillary.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

  private final RatePlan plan = new RatePlan("standard", 100, Duration.ofSeconds(1));

  @Test
  void policyIsTheStructuredFieldOfTheDraft() {
    assertThat(RateLimitHeaders.policy(plan)).isEqualTo("\"standard\";q=100;w=1");
    assertThat(RateLimitHeaders.policy(new RatePlan("daily", 5000, Duration.ofDays(1)))).isEqualTo("\"daily\";q=5000;w=86400");
  }

  @Test
  void limitRoundsTheResetUp() {
    RateLimitDecision d = new RateLimitDecision(true, plan, 42, Duration.ofMillis(580), Duration.ZERO);
    assertThat(RateLimitHeaders.limit(d)).isEqualTo("\"standard\";r=42;t=1");
    RateLimitDecision full = new RateLimitDecision(true, plan, 100, Duration.ZERO, Duration.ZERO);
    assertThat(RateLimitHeaders.limit(full)).isEqualTo("\"standard\";r=100;t=0");
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
    assertThat(RateLimitHeaders.retryAfter(refused(Duration.ofNanos(1)))).isEqualTo("1");
    assertThat(RateLimitHeaders.retryAfter(refused(Duration.ZERO))).isEqualTo("1");
    assertThat(RateLimitHeaders.retryAfter(refused(Duration.ofSeconds(2)))).isEqualTo("2");
    assertThat(RateLimitHeaders.retryAfter(refused(Duration.ofMillis(2001)))).isEqualTo("3");
  }

  private RateLimitDecision refused(Duration retryAfter) {
    return new RateLimitDecision(false, plan, 0, Duration.ofSeconds(1), retryAfter);
  }
}
