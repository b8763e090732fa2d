package org.capillary.gateway.store;

import java.time.Instant;
import org.capillary.gateway.error.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The submission a {@link SubmissionEffect} applies to, as it is being appended.
 *
 * @param seq the submission's ledger position
 * @param submissionId its id
 * @param connectorId the submitting connector
 * @param operationId the operation
 * @param projectId the subject project, if any
 * @param receivedAt the time it is recorded with
 * @param body the request body as received (not copied; do not modify)
 */
public record EffectContext(
    long seq,
    String submissionId,
    String connectorId,
    String operationId,
    @Nullable String projectId,
    Instant receivedAt,
    byte[] body) {

  /**
   * The body parsed as JSON (parsed on each call; the pipeline has validated it already).
   *
   * @return the JSON tree
   * @throws ProblemException MALFORMED_JSON if the body is not JSON after all
   */
  public JsonNode json() {
    try {
      return JsonMapper.shared().readTree(body);
    } catch (JacksonException e) {
      throw new ProblemException("MALFORMED_JSON", "the body is not well-formed JSON");
    }
  }

  /**
   * A required string member of an object, for effects reading validated bodies.
   *
   * @param node the object
   * @param name the member
   * @return its value
   * @throws ProblemException VALIDATION_FAILED if it is absent or not a string
   */
  public static String requiredString(JsonNode node, String name) {
    JsonNode v = node.path(name);
    if (!v.isString() || v.stringValue().isEmpty()) {
      throw new ProblemException("VALIDATION_FAILED", "the body lacks the string member " + name);
    }
    return v.stringValue();
  }
}
