package org.capillary.gateway.jws;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link RequestSignatureVerifier} needs of a request: exactly what was received, nothing
 * decoded or normalised.
 *
 * @param method the HTTP method, upper case
 * @param target the request target as sent: raw (still percent-encoded) path, then {@code ?} and
 *     the raw query when the request had one; compared byte for byte with the signed {@code htp}
 * @param body the exact body bytes (empty when there is none)
 * @param signature the Capillary-Signature field value, or null when absent
 * @param idempotencyKey the Idempotency-Key field value, or null when absent
 * @param contentDigest the Content-Digest field value, or null when absent
 */
public record SignedRequest(
    String method,
    String target,
    byte[] body,
    @Nullable String signature,
    @Nullable String idempotencyKey,
    @Nullable String contentDigest) {

  public SignedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(body, "body");
  }
}
