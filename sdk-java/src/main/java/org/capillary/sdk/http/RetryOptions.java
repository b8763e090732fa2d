package org.capillary.sdk.http;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how the client repeats a failed attempt. Retried: connection failures and timeouts,
 * 408, 429 and 5xx other than 501 and 505. Every attempt of a call carries the same
 * {@code Idempotency-Key} and the same body octets, with a fresh signature, so a retry can never
 * file a submission twice. The wait is the gateway's {@code Retry-After} when it sends one,
 * otherwise exponential back-off ({@code baseDelay × 2^(attempt-1)}, at most {@code maxDelay})
 * reduced by a random share of up to {@code jitter}. A {@code Retry-After} longer than
 * {@code maxRetryAfter} is not waited for: the call fails at once with a
 * {@link org.capillary.sdk.exception.RateLimitedException} (or the service exception) carrying
 * {@code retryAfter()}, so a thread is never parked for an hour by a rate-limit window.
 *
 * <p>Immutable; build with {@link #builder()}; {@link #defaults()} is 3 retries, 500 ms base,
 * 30 s max, jitter 0.5, Retry-After waited for up to 60 s, enabled.
 */
public final class RetryOptions {

  private static final RetryOptions DEFAULTS = builder().build();

  private final boolean enabled;
  private final int maxRetries;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final double jitter;
  private final Duration maxRetryAfter;

  private RetryOptions(Builder b) {
    this.enabled = b.enabled;
    this.maxRetries = b.maxRetries;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
  }

  /** @return the defaults (3 retries, 500 ms base delay, 30 s max delay, jitter 0.5, enabled) */
  public static RetryOptions defaults() {
    return DEFAULTS;
  }

  /** @return options that never retry: every failure surfaces at once */
  public static RetryOptions disabled() {
    return builder().enabled(false).build();
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder with these settings */
  public Builder toBuilder() {
    return new Builder().enabled(enabled).maxRetries(maxRetries).baseDelay(baseDelay).maxDelay(maxDelay).jitter(jitter)
        .maxRetryAfter(maxRetryAfter);
  }

  /** @return the longest {@code Retry-After} the client waits for before retrying (default 60 s) */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** @return whether failed attempts are repeated at all */
  public boolean retryEnabled() {
    return enabled;
  }

  /** @return the number of attempts after the first (0: only the first) */
  public int maxRetries() {
    return maxRetries;
  }

  /** @return the delay before the first retry, before jitter */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** @return the upper bound of the computed back-off (a larger {@code Retry-After} is still honoured) */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** @return the share (0 to 1) by which a computed delay is randomly reduced */
  public double jitter() {
    return jitter;
  }

  @Override
  public String toString() {
    return "RetryOptions[enabled=" + enabled + ", maxRetries=" + maxRetries + ", baseDelay=" + baseDelay
        + ", maxDelay=" + maxDelay + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter + "]";
  }

  /** Builds {@link RetryOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean enabled = true;
    private int maxRetries = 3;
    private Duration baseDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(30);
    private double jitter = 0.5;
    private Duration maxRetryAfter = Duration.ofSeconds(60);

    private Builder() {
    }

    /**
     * @param maxRetryAfter the longest {@code Retry-After} to wait for before retrying, zero or
     *     positive (default 60 s); a longer one ends the call with the service's exception and its
     *     {@code retryAfter()}, leaving the caller to schedule the retry
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      if (Objects.requireNonNull(maxRetryAfter, "maxRetryAfter").isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative");
      }
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /**
     * @param enabled {@code false} to never retry (default {@code true})
     * @return this
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * @param maxRetries attempts after the first, 0 to 10 (default 3)
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be 0..10");
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * @param baseDelay the first back-off delay, zero or positive (default 500 ms)
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder baseDelay(Duration baseDelay) {
      if (Objects.requireNonNull(baseDelay, "baseDelay").isNegative()) {
        throw new IllegalArgumentException("baseDelay must not be negative");
      }
      this.baseDelay = baseDelay;
      return this;
    }

    /**
     * @param maxDelay the cap of the computed back-off (default 30 s)
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder maxDelay(Duration maxDelay) {
      if (Objects.requireNonNull(maxDelay, "maxDelay").isNegative()) {
        throw new IllegalArgumentException("maxDelay must not be negative");
      }
      this.maxDelay = maxDelay;
      return this;
    }

    /**
     * @param jitter 0 (no randomness) to 1 (full jitter); default 0.5. Jitter keeps many
     *     connectors from retrying in lock-step after an outage.
     * @return this
     * @throws IllegalArgumentException if outside 0..1
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be within 0..1");
      }
      this.jitter = jitter;
      return this;
    }

    /** @return the options */
    public RetryOptions build() {
      return new RetryOptions(this);
    }
  }
}
