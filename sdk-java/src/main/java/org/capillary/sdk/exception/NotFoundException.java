package org.capillary.sdk.exception;

import java.util.List;
import org.capillary.sdk.models.Problem;
import org.jspecify.annotations.Nullable;

/** 404 NOT_FOUND: no such resource, or not visible to this connector. */
public class NotFoundException extends CapillaryServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message a summary
   * @param statusCode the HTTP status
   * @param requestId the gateway's request id
   * @param problem the problem document, or {@code null}
   * @param violations the problem's {@code errors[]}
   * @param retryable whether repeating the request may succeed
   */
  public NotFoundException(String message, int statusCode, @Nullable String requestId, @Nullable Problem problem,
      List<Violation> violations, boolean retryable) {
    super(message, statusCode, requestId, problem, violations, retryable);
  }
}
