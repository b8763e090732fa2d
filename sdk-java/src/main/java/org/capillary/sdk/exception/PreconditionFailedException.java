package org.capillary.sdk.exception;

import java.util.List;
import org.capillary.sdk.models.Problem;
import org.jspecify.annotations.Nullable;

/** 412: a precondition of the request did not hold. */
public class PreconditionFailedException extends CapillaryServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message a summary
   * @param statusCode the HTTP status
   * @param requestId the gateway's request id
   * @param problem the problem document, or {@code null}
   * @param violations the problem's {@code errors[]}
   * @param retryable whether repeating the request may succeed
   */
  public PreconditionFailedException(String message, int statusCode, @Nullable String requestId, @Nullable Problem problem,
      List<Violation> violations, boolean retryable) {
    super(message, statusCode, requestId, problem, violations, retryable);
  }
}
