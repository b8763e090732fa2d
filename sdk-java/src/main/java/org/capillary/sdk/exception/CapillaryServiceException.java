package org.capillary.sdk.exception;

import java.util.List;
import org.capillary.sdk.models.Problem;
import org.jspecify.annotations.Nullable;

/**
 * The gateway answered with an error status and (normally) an RFC 9457 problem document. Branch on
 * {@link #errorCode()} (the stable UPPER_SNAKE code of spec/problem-codes.yaml), never on the
 * message.
 */
public class CapillaryServiceException extends CapillaryException {

  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final @Nullable String requestId;
  private final @Nullable String errorCode;
  private final transient @Nullable Problem problem;
  private final List<Violation> violations;
  private final boolean retryable;

  /**
   * @param message a summary (status, code, title)
   * @param statusCode the HTTP status
   * @param requestId the request id of the problem or the {@code X-Request-Id} response header
   * @param problem the parsed problem document, or {@code null} if the body was not one
   * @param violations the problem's {@code errors[]}
   * @param retryable whether the same request may succeed if repeated unchanged
   */
  public CapillaryServiceException(String message, int statusCode, @Nullable String requestId,
      @Nullable Problem problem, List<Violation> violations, boolean retryable) {
    super(message, null);
    this.statusCode = statusCode;
    this.requestId = requestId;
    this.problem = problem;
    this.errorCode = problem == null ? null : problem.getCode();
    this.violations = List.copyOf(violations);
    this.retryable = retryable;
  }

  /** @return the HTTP status code */
  public int statusCode() {
    return statusCode;
  }

  /** @return the gateway's request id, for support requests; {@code null} if none was sent */
  public @Nullable String requestId() {
    return requestId;
  }

  /** @return the problem's stable {@code code}, e.g. {@code VALIDATION_FAILED}; {@code null} without a problem document */
  public @Nullable String errorCode() {
    return errorCode;
  }

  /** @return the parsed problem document, {@code null} if the response body was not one */
  public @Nullable Problem problem() {
    return problem;
  }

  /** @return every violation the gateway listed (unmodifiable, possibly empty) */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * @return whether repeating the same request unchanged (same {@code Idempotency-Key}) may
   *     succeed: the problem's {@code retryable} member, else 408, 429 and 5xx other than 501/505
   */
  public boolean isRetryable() {
    return retryable;
  }
}
