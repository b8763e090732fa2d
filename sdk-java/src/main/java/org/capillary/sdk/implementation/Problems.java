package org.capillary.sdk.implementation;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.capillary.sdk.exception.AuthenticationException;
import org.capillary.sdk.exception.CapillaryServiceException;
import org.capillary.sdk.exception.ConflictException;
import org.capillary.sdk.exception.NotFoundException;
import org.capillary.sdk.exception.PreconditionFailedException;
import org.capillary.sdk.exception.RateLimitedException;
import org.capillary.sdk.exception.ValidationException;
import org.capillary.sdk.exception.Violation;
import org.capillary.sdk.models.Problem;
import org.capillary.sdk.models.ProblemViolation;
import org.jspecify.annotations.Nullable;

/** Turns an error response into the typed exception of its status and problem code. */
public final class Problems {

  private Problems() {
  }

  public static CapillaryServiceException toException(int status, HttpHeaders headers, byte[] body,
      @Nullable Duration retryAfter) {
    Problem problem = parse(body);
    String code = problem == null ? null : problem.getCode();
    String requestId = problem != null && problem.getRequestId() != null
        ? problem.getRequestId() : headers.firstValue("X-Request-Id").orElse(null);
    List<Violation> violations = new ArrayList<>();
    if (problem != null && problem.getErrors() != null) {
      for (ProblemViolation v : problem.getErrors()) {
        if (v.getPointer() != null && v.getCode() != null) {
          violations.add(new Violation(v.getPointer(), v.getCode(), v.getDetail()));
        }
      }
    }
    boolean retryable = problem != null && problem.getRetryable() != null
        ? problem.getRetryable() : RetryPolicy.isRetryableStatus(status);
    String message = status + (code == null ? "" : " " + code)
        + (problem != null && problem.getTitle() != null ? ": " + problem.getTitle() : "")
        + (requestId == null ? "" : " (request id " + requestId + ")");
    if (status == 401 || status == 403) {
      return new AuthenticationException(message, status, requestId, problem, violations, retryable);
    }
    if (status == 404) {
      return new NotFoundException(message, status, requestId, problem, violations, retryable);
    }
    if (status == 409 || "IDEMPOTENCY_KEY_REUSED".equals(code)) {
      return new ConflictException(message, status, requestId, problem, violations, retryable);
    }
    if (status == 412) {
      return new PreconditionFailedException(message, status, requestId, problem, violations, retryable);
    }
    if (status == 429) {
      return new RateLimitedException(message, requestId, problem, retryAfter);
    }
    if ("VALIDATION_FAILED".equals(code) || "INVALID_PARAMETER".equals(code)) {
      return new ValidationException(message, status, requestId, problem, violations, retryable);
    }
    return new CapillaryServiceException(message, status, requestId, problem, violations, retryable);
  }

  private static @Nullable Problem parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(body, Problem.class);
    } catch (java.io.IOException | RuntimeException notAProblem) {
      return null;
    }
  }
}
