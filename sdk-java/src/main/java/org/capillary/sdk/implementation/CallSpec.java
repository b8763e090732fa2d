package org.capillary.sdk.implementation;

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
 */
public record CallSpec(String operationId, String method, String target, byte[] body, @Nullable String contentType,
    @Nullable String idempotencyKey, String requestId) {
}
