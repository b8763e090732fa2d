package org.capillary.gateway.store;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A write request that passed the pipeline, to be appended to the ledger.
 *
 * @param connectorId the authenticated connector
 * @param operationId the operation of the contract
 * @param method the HTTP method
 * @param path the raw path and query, as received
 * @param projectId the subject project, where the operation has one
 * @param contentType the request's Content-Type
 * @param body the body bytes exactly as received and signed (not copied; do not modify)
 * @param signature the Capillary-Signature header, verbatim
 * @param contentDigest the body's Content-Digest value
 * @param idempotencyKey the Idempotency-Key (the ledger holds one submission per connector and key)
 * @param jti the signature's unique id
 * @param effects changes to make in the same transaction, in order (see {@link SubmissionEffects})
 * @param json the body as the pipeline already parsed it, handed to the effects so they do not parse
 *     it again; null when there is none (a bodyless write), and then effects parse {@code body}
 */
public record NewSubmission(
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
    List<SubmissionEffect> effects,
    @Nullable JsonNode json) {

  /** @throws NullPointerException if a required component is null */
  public NewSubmission {
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(contentDigest, "contentDigest");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(jti, "jti");
    effects = List.copyOf(effects);
  }

  /** A submission without a parsed body: effects parse {@code body} themselves. */
  public NewSubmission(String connectorId, String operationId, String method, String path,
      @Nullable String projectId, String contentType, byte[] body, String signature, String contentDigest,
      String idempotencyKey, String jti, List<SubmissionEffect> effects) {
    this(connectorId, operationId, method, path, projectId, contentType, body, signature, contentDigest,
        idempotencyKey, jti, effects, null);
  }
}
