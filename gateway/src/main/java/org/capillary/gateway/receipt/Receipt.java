package org.capillary.gateway.receipt;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The claims of a receipt (spec/schemas/ReceiptClaims.json).
 *
 * @param submissionId {@code sub}
 * @param connectorId {@code cid}
 * @param operationId {@code op}
 * @param projectId {@code prj}, where the operation has a subject project
 * @param contentDigest {@code cdg}
 * @param sequence {@code seq}, the ledger position
 * @param durableAt {@code iat}, when the submission became durable
 * @param jti the request signature's jti
 * @param idempotencyKey the request's Idempotency-Key
 */
public record Receipt(
    String submissionId,
    String connectorId,
    String operationId,
    @Nullable String projectId,
    String contentDigest,
    long sequence,
    Instant durableAt,
    String jti,
    String idempotencyKey) {

  public Receipt {
    Objects.requireNonNull(submissionId, "submissionId");
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(contentDigest, "contentDigest");
    Objects.requireNonNull(durableAt, "durableAt");
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}
