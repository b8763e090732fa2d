package org.capillary.gateway.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A submission as the ledger holds it. Arrays are not copied; do not modify them.
 *
 * @param seq the ledger position (strictly increasing in allocation order)
 * @param submissionId {@code sub_} + 26-character ULID
 * @param connectorId the submitting connector
 * @param operationId the operation
 * @param method the HTTP method
 * @param path the raw path and query
 * @param projectId the subject project, if any
 * @param contentType the request's Content-Type
 * @param body the body bytes verbatim
 * @param signature the Capillary-Signature header verbatim
 * @param contentDigest the body's Content-Digest
 * @param idempotencyKey the Idempotency-Key
 * @param jti the signature's unique id
 * @param receivedAt when it was recorded (millisecond precision)
 * @param receipt the gateway's receipt JWS
 * @param status ACCEPTED, PROCESSED or REJECTED_BY_RULES (extensible)
 * @param processedAt when later processing finished, if it has
 * @param statusDetail why, for REJECTED_BY_RULES
 * @param responseBody the 201 response body (SubmissionReceipt JSON), the same bytes every time
 * @param replayed true when {@link Ledger#append} found this submission already stored under the
 *     same connector, key and body (a retry that outlived its idempotency lease or record) instead
 *     of storing it; always false from the find methods
 */
public record StoredSubmission(
    long seq,
    String submissionId,
    String connectorId,
    String operationId,
    String method,
    String path,
    @Nullable String projectId,
    String contentType,
    byte[] body,
    String signature,
    String contentDigest,
    String idempotencyKey,
    String jti,
    Instant receivedAt,
    String receipt,
    String status,
    @Nullable Instant processedAt,
    @Nullable String statusDetail,
    byte[] responseBody,
    boolean replayed) {

  /** The status of a submission that is stored and acknowledged. */
  public static final String ACCEPTED = "ACCEPTED";

  StoredSubmission asReplayed() {
    return new StoredSubmission(seq, submissionId, connectorId, operationId, method, path, projectId,
        contentType, body, signature, contentDigest, idempotencyKey, jti, receivedAt, receipt,
        status, processedAt, statusDetail, responseBody, true);
  }
}
