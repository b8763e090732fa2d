package org.capillary.gateway.projection;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ledger submission as projections read it.
 *
 * @param seq its ledger position
 * @param submissionId its id
 * @param connectorId the submitting connector
 * @param operationId the operation
 * @param path the raw request path
 * @param projectId the subject project, if any
 * @param receivedAt when the ledger recorded it
 * @param body the body bytes
 */
public record SubmissionRow(
    long seq,
    String submissionId,
    String connectorId,
    String operationId,
    String path,
    @Nullable String projectId,
    Instant receivedAt,
    byte[] body) {

  /** The body as JSON (the pipeline validated it before the ledger took it). */
  public JsonNode json() {
    return JsonMapper.shared().readTree(body);
  }

  /** The path segment after {@code prefix}, e.g. the policy id of /v1/policies/{id}/…. */
  public @Nullable String pathSegmentAfter(String prefix) {
    int i = path.indexOf(prefix);
    if (i < 0) {
      return null;
    }
    String rest = path.substring(i + prefix.length());
    int end = rest.indexOf('/');
    return end < 0 ? rest : rest.substring(0, end);
  }
}
