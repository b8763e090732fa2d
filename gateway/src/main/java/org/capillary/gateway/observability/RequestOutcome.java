package org.capillary.gateway.observability;

import org.capillary.gateway.error.ProblemExceptionHandler;
import org.capillary.gateway.filter.IdempotencyFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The {@code outcome} of a request, from a bounded vocabulary: the stable problem code of a
 * refused request (problem-codes.yaml, as {@link ProblemExceptionHandler} rendered it), or for a
 * success {@link #ACCEPTED} (201 or 202: stored), {@link #REPLAYED} (an idempotent replay of a
 * stored response) or {@link #OK} (any other 2xx, e.g. a read).
 */
final class RequestOutcome {

  /** A write stored and acknowledged (201 or 202). */
  static final String ACCEPTED = "ACCEPTED";
  /** The stored response of an earlier request with the same Idempotency-Key and body. */
  static final String REPLAYED = "REPLAYED";
  /** Any other success. */
  static final String OK = "OK";
  /** The client went away before a response was committed. */
  static final String CANCELLED = "CANCELLED";
  /** A non-2xx response that was not rendered as a problem (should not happen: every error is). */
  static final String UNCLASSIFIED = "UNCLASSIFIED";

  private RequestOutcome() {}

  /**
   * The outcome of a committed response.
   *
   * @param exchange the exchange, once its status is set
   * @return a value of the bounded vocabulary above
   */
  static String of(ServerWebExchange exchange) {
    String code = exchange.getAttribute(ProblemExceptionHandler.CODE_ATTRIBUTE);
    if (code != null) {
      return code;
    }
    ServerHttpResponse response = exchange.getResponse();
    HttpStatusCode status = response.getStatusCode();
    int value = status == null ? 200 : status.value(); // unset means 200 when committed
    if (value < 200 || value >= 300) {
      return UNCLASSIFIED;
    }
    if ("true".equals(response.getHeaders().getFirst(IdempotencyFilter.REPLAYED_HEADER))) {
      return REPLAYED;
    }
    return value == 201 || value == 202 ? ACCEPTED : OK;
  }

  /**
   * The {@code status} tag of a committed response.
   *
   * @param status the response status, or null when none was set (200)
   * @return the three-digit status
   */
  static String status(@Nullable HttpStatusCode status) {
    return Integer.toString(status == null ? 200 : status.value());
  }
}
