package org.capillary.gateway.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a receipt names (spec/schemas/ReceiptClaims.json): the ledger hands it to the {@link
 * ReceiptIssuer} inside the appending transaction, once the submission id and sequence number are
 * allocated.
 *
 * @param submissionId the new submission id ({@code sub_} + ULID) — claim {@code sub}
 * @param seq the ledger position — claim {@code seq}
 * @param connectorId the submitting connector — claim {@code cid}
 * @param operationId the operation — claim {@code op}
 * @param projectId the subject project, if the operation has one — claim {@code prj}
 * @param contentDigest the body's Content-Digest — claim {@code cdg}
 * @param receivedAt the time the submission is recorded with (millisecond precision) — claim
 *     {@code iat} in seconds
 * @param jti the request signature's unique id — claim {@code jti}
 * @param idempotencyKey the request's Idempotency-Key — claim {@code idk}
 */
public record ReceiptRequest(
    String submissionId,
    long seq,
    String connectorId,
    String operationId,
    @Nullable String projectId,
    String contentDigest,
    Instant receivedAt,
    String jti,
    String idempotencyKey) {

  /** @throws NullPointerException if a required component is null */
  public ReceiptRequest {
    Objects.requireNonNull(submissionId, "submissionId");
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(contentDigest, "contentDigest");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}
