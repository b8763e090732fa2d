package org.capillary.sdk.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.capillary.sdk.http.RetryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:30:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @CsvSource({"408,true", "429,true", "500,true", "502,true", "503,true", "504,true", "599,true",
      "501,false", "505,false", "400,false", "401,false", "404,false", "409,false", "422,false"})
  void retryableStatuses(int status, boolean retryable) {
    assertThat(RetryPolicy.isRetryableStatus(status)).isEqualTo(retryable);
  }

  @Test
  void backoffGrowsIsCappedAndJittered() {
    RetryPolicy p = new RetryPolicy(RetryOptions.builder().baseDelay(Duration.ofMillis(100))
        .maxDelay(Duration.ofMillis(1000)).jitter(0.5).build(), CLOCK);
    for (int i = 0; i < 100; i++) {
      assertThat(p.delay(0, null)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(p.delay(3, null)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
      assertThat(p.delay(30, null)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }
    RetryPolicy noJitter = new RetryPolicy(RetryOptions.builder().jitter(0).baseDelay(Duration.ofMillis(100)).build(), CLOCK);
    assertThat(noJitter.delay(2, null)).isEqualTo(Duration.ofMillis(400));
    assertThat(noJitter.delay(2, Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void retryAfterParsesSecondsAndDatesAndIgnoresGarbage() {
    RetryPolicy p = new RetryPolicy(RetryOptions.defaults(), CLOCK);
    assertThat(p.retryAfter(headers("5"))).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.retryAfter(headers("Mon, 02 Mar 2026 01:31:00 GMT"))).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.retryAfter(headers("Mon, 02 Mar 2026 01:00:00 GMT"))).isEqualTo(Duration.ZERO);
    assertThat(p.retryAfter(headers("soon"))).isNull();
    assertThat(p.retryAfter(headers("-3"))).isNull();
    assertThat(p.retryAfter(HttpHeaders.of(Map.of(), (a, b) -> true))).isNull();
  }

  @Test
  void disabledOrExhaustedMeansNoRetry() {
    assertThat(new RetryPolicy(RetryOptions.disabled(), CLOCK).mayRetry(0)).isFalse();
    RetryPolicy p = new RetryPolicy(RetryOptions.builder().maxRetries(2).build(), CLOCK);
    assertThat(p.mayRetry(1)).isTrue();
    assertThat(p.mayRetry(2)).isFalse();
  }

  @Test
  void waitsOnlyForRetryAfterWithinTheCap() {
    RetryPolicy p = new RetryPolicy(RetryOptions.builder().maxRetryAfter(Duration.ofSeconds(60)).build(), CLOCK);
    assertThat(p.mayWait(null)).isTrue();
    assertThat(p.mayWait(Duration.ofSeconds(60))).isTrue();
    assertThat(p.mayWait(Duration.ofSeconds(61))).isFalse();
    assertThat(RetryOptions.defaults().maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
  }

  private static HttpHeaders headers(String retryAfter) {
    return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
  }
}
