package org.capillary.sdk.models;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The verified payload of a receipt JWS (spec/SIGNING.md §11, schemas/ReceiptClaims.json).
 *
 * @param issuer {@code iss}: the platform (district gateway)
 * @param submissionId {@code sub}
 * @param connectorId {@code cid}: the connector that filed the submission
 * @param operationId {@code op}
 * @param projectId {@code prj}, or {@code null} when the operation has no subject project
 * @param contentDigest {@code cdg}: the digest of the body that was filed
 * @param sequence {@code seq}: the ledger position
 * @param issuedAt {@code iat}: when the submission became durable
 * @param jti {@code jti}: the request signature's id
 * @param idempotencyKey {@code idk}
 */
public record ReceiptClaims(String issuer, String submissionId, String connectorId, String operationId,
    @Nullable String projectId, String contentDigest, long sequence, Instant issuedAt, String jti,
    String idempotencyKey) {

  /** Checks the required components. */
  public ReceiptClaims {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(submissionId, "submissionId");
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(contentDigest, "contentDigest");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}
