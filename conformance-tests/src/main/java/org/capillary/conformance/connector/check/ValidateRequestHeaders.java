package org.capillary.conformance.connector.check;

import java.util.Set;

/**
 * Writes carry a valid {@code Idempotency-Key}; a {@code Content-Digest}, when sent, is the body's;
 * the content type is the operation's; header parameters (X-Request-Id, tus headers and chunk
 * checksums) are valid.
 */
public final class ValidateRequestHeaders extends NoFindingCheck {

  /** Creates the check. */
  public ValidateRequestHeaders() {
    super(Set.of("IDEMPOTENCY_KEY_MISSING", "CONTENT_DIGEST_MISMATCH", "INVALID_PARAMETER", "UNSUPPORTED_MEDIA_TYPE",
        "UPLOAD_CHECKSUM_MISMATCH"));
  }

  @Override
  public String description() {
    return "Every request has the header fields its operation requires, with valid values.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-IDM-01", "CAP-SIG-10", "CAP-VAL-02", "CAP-GRD-02", "CAP-MED-03");
  }
}
