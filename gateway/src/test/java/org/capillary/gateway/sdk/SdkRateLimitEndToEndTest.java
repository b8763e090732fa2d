package org.capillary.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.exception.RateLimitedException;
import org.capillary.sdk.http.RetryOptions;
import org.capillary.sdk.http.Sleeper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SDK against a real gateway whose {@code standard} plan allows one request per hour: the second
 * request is refused RATE_LIMITED with {@code Retry-After}, which the SDK surfaces as a
 * RateLimitedException carrying it, and honours when it retries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "capillary.gateway.rate-limit.plans.standard.capacity=1",
    "capillary.gateway.rate-limit.plans.standard.window=PT1H"})
class SdkRateLimitEndToEndTest {

  private static final Path DATA_DIR;

  static {
    try {
      DATA_DIR = Files.createTempDirectory("capillary-sdk-e2e-rl");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("capillary.gateway.data-dir", DATA_DIR::toString);
  }

  @LocalServerPort
  int port;

  /** Records the delays the SDK asks for instead of sleeping. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration delay) {
      delays.add(delay);
    }

    @Override
    public CompletableFuture<Void> delay(Duration delay) {
      delays.add(delay);
      return CompletableFuture.completedFuture(null);
    }
  }

  @Test
  void anExhaustedPlanIsARateLimitedExceptionWithRetryAfter() {
    SdkFixtures fx = new SdkFixtures(port);
    // demo-insurer-b is on the standard plan; the ps256 key exercises the RSA-PSS signer too.
    CapillaryClient client = fx.builder("demo-insurer-b", "demo-insurer-b-ps256-1")
        .retryOptions(RetryOptions.disabled()).buildClient();
    String unknown = "sub_01JNKQ9A7M3T5X8Y2B4D6F8H0J";
    // The one token of the hour: the request itself is answered (NOT_FOUND), not refused.
    assertThatThrownBy(() -> client.getSubmission(unknown))
        .isInstanceOf(org.capillary.sdk.exception.NotFoundException.class);

    assertThatThrownBy(() -> client.getSubmission(unknown))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(429);
          assertThat(e.errorCode()).isEqualTo("RATE_LIMITED");
          assertThat(e.isRetryable()).isTrue();
          assertThat(e.requestId()).isNotBlank();
          assertThat(e.retryAfter()).hasValueSatisfying(d ->
              assertThat(d).isGreaterThan(Duration.ofMinutes(50)).isLessThanOrEqualTo(Duration.ofHours(1)));
        });
  }

  @Test
  void retryAfterBeyondTheCapFailsFastAndWithinItIsHonoured() {
    SdkFixtures fx = new SdkFixtures(port);
    RecordingSleeper sleeper = new RecordingSleeper();
    CapillaryClient client = fx.builder("demo-insurer-a", "demo-insurer-a-es256-1")
        .retryOptions(RetryOptions.builder().maxRetries(2).build())
        .sleeper(sleeper).buildClient();
    String unknown = "sub_01JNKQ9A7M3T5X8Y2B4D6F8H0J";
    assertThatThrownBy(() -> client.getSubmission(unknown))
        .isInstanceOf(org.capillary.sdk.exception.NotFoundException.class);

    // The plan's window is an hour: far beyond maxRetryAfter (60 s), so the SDK does not park the
    // thread; it gives up at once, typed, with the gateway's Retry-After for the caller to use.
    assertThatThrownBy(() -> client.getSubmission(unknown)).isInstanceOfSatisfying(RateLimitedException.class,
        e -> assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofMinutes(50))));
    assertThat(sleeper.delays).isEmpty();

    CapillaryClient patient = fx.builder("demo-insurer-a", "demo-insurer-a-es256-1")
        .retryOptions(RetryOptions.builder().maxRetries(2).maxRetryAfter(Duration.ofHours(2)).build())
        .sleeper(sleeper).buildClient();
    assertThatThrownBy(() -> patient.getSubmission(unknown)).isInstanceOf(RateLimitedException.class);
    assertThat(sleeper.delays).hasSize(2)
        .allSatisfy(d -> assertThat(d).isGreaterThan(Duration.ofMinutes(50)));
  }
}
