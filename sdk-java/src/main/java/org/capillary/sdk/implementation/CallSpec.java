package org.capillary.sdk.implementation;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One logical call: everything that stays the same on every attempt.
 *
 * @param operationId the contract's operationId
 * @param method the HTTP method
 * @param target the raw path and query, as it goes on the wire and into {@code htp}
 * @param body the body octets, serialised once (empty for none)
 * @param contentType the body's media type, {@code null} without a body
 * @param idempotencyKey the key of a write, {@code null} on reads
 * @param requestId the {@code X-Request-Id} sent
 * @param headers further request headers (e.g. the tus headers of uploads), the same on every attempt;
 *     they are not signed, and must not repeat the headers the pipeline sets itself
 */
public record CallSpec(String operationId, String method, String target, byte[] body, @Nullable String contentType,
    @Nullable String idempotencyKey, String requestId, Map<String, String> headers) {

  public CallSpec {
    headers = Map.copyOf(headers);
  }

  /** A call without further headers. */
  public CallSpec(String operationId, String method, String target, byte[] body, @Nullable String contentType,
      @Nullable String idempotencyKey, String requestId) {
    this(operationId, method, target, body, contentType, idempotencyKey, requestId, Map.of());
  }
}
