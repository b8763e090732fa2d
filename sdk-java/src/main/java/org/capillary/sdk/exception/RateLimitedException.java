package org.capillary.sdk.exception;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.capillary.sdk.models.Problem;
import org.jspecify.annotations.Nullable;

/** 429 RATE_LIMITED, after the configured retries: the connector's plan is exhausted for now. */
public class RateLimitedException extends CapillaryServiceException {

  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  /**
   * @param message a summary
   * @param requestId the gateway's request id
   * @param problem the problem document, or {@code null}
   * @param retryAfter the gateway's {@code Retry-After}, or {@code null} if absent
   */
  public RateLimitedException(String message, @Nullable String requestId, @Nullable Problem problem,
      @Nullable Duration retryAfter) {
    super(message, 429, requestId, problem, List.of(), true);
    this.retryAfter = retryAfter;
  }

  /** @return how long the gateway asked to wait ({@code Retry-After}), if it said */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
