package org.capillary.sdk.exception;

import java.util.List;
import org.capillary.sdk.models.Problem;
import org.jspecify.annotations.Nullable;

/** 401 or 403: the signature was refused (SIGNATURE_* codes, spec/SIGNING.md §7) or the connector may not do this (OPERATION_NOT_PERMITTED, PROJECT_NOT_COVERED, ...). For signature problems the problem document carries the gateway's signingInput: compare it with yours. */
public class AuthenticationException extends CapillaryServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message a summary
   * @param statusCode the HTTP status
   * @param requestId the gateway's request id
   * @param problem the problem document, or {@code null}
   * @param violations the problem's {@code errors[]}
   * @param retryable whether repeating the request may succeed
   */
  public AuthenticationException(String message, int statusCode, @Nullable String requestId, @Nullable Problem problem,
      List<Violation> violations, boolean retryable) {
    super(message, statusCode, requestId, problem, violations, retryable);
  }
}
