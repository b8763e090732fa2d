package org.capillary.sdk.implementation;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.capillary.sdk.http.RetryOptions;
import org.jspecify.annotations.Nullable;

/** What is retried and how long to wait (STYLE.md retries; AIP-4221; RFC 9110 §10.2.3). */
public final class RetryPolicy {

  private final RetryOptions options;
  private final Clock clock;

  public RetryPolicy(RetryOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
  }

  /** 408, 429 and 5xx except 501 (will never work) and 505 (will never work either). */
  public static boolean isRetryableStatus(int status) {
    return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
  }

  /** Connection failures, resets, empty responses and timeouts are all IOExceptions of java.net.http. */
  public static boolean isRetryableFailure(Throwable failure) {
    return failure instanceof IOException;
  }

  /** @param retriesSoFar attempts already repeated (0 after the first attempt) */
  public boolean mayRetry(int retriesSoFar) {
    return options.retryEnabled() && retriesSoFar < options.maxRetries();
  }

  /**
   * Whether the gateway's {@code Retry-After} is short enough to wait for here.
   *
   * @param retryAfter the parsed header, or null when absent
   * @return true when absent or within {@link RetryOptions#maxRetryAfter()}
   */
  public boolean mayWait(@Nullable Duration retryAfter) {
    return retryAfter == null || retryAfter.compareTo(options.maxRetryAfter()) <= 0;
  }

  /**
   * The wait before retry number {@code retriesSoFar + 1}: the gateway's {@code Retry-After} if
   * given (honoured even above maxDelay, up to maxRetryAfter: the gateway knows when it will have
   * capacity), else exponential back-off with jitter.
   */
  public Duration delay(int retriesSoFar, @Nullable Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter;
    }
    long base = options.baseDelay().toMillis();
    long exp = base << Math.min(retriesSoFar, 20);
    long capped = Math.min(exp < 0 ? Long.MAX_VALUE : exp, options.maxDelay().toMillis());
    long reduction = (long) (capped * options.jitter() * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(capped - reduction);
  }

  /** Parses {@code Retry-After}: delay-seconds or an HTTP-date; {@code null} if absent or unreadable. */
  public @Nullable Duration retryAfter(HttpHeaders headers) {
    Optional<String> value = headers.firstValue("Retry-After");
    if (value.isEmpty()) {
      return null;
    }
    String v = value.get().trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }
}
