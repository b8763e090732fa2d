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
 * @param path the raw request path and query, as received
 * @param parsed the body as the pipeline parsed it, or null to parse {@code body} on demand
 */
public record EffectContext(
    long seq,
    String submissionId,
    String connectorId,
    String operationId,
    @Nullable String projectId,
    Instant receivedAt,
    byte[] body,
    String path,
    @Nullable JsonNode parsed) {

  /**
   * The body parsed as JSON: the pipeline's tree when it handed one over (effects must not modify
   * it), else parsed from {@code body} on each call; the pipeline has validated it already.
   *
   * @return the JSON tree
   * @throws ProblemException MALFORMED_JSON if the body is not JSON after all
   */
  public JsonNode json() {
    if (parsed != null) {
      return parsed;
    }
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

  /**
   * The path segment after {@code prefix}, e.g. the subscription id of
   * /v1/admin/subscriptions/{subscriptionId}.
   *
   * @param prefix the path up to the segment
   * @return the segment
   * @throws ProblemException NOT_FOUND if the path does not start with the prefix
   */
  public String pathSegmentAfter(String prefix) {
    if (!path.startsWith(prefix)) {
      throw new ProblemException("NOT_FOUND", null);
    }
    String rest = path.substring(prefix.length());
    int end = rest.indexOf('/');
    int query = rest.indexOf('?');
    int cut = end < 0 ? query : (query < 0 ? end : Math.min(end, query));
    return cut < 0 ? rest : rest.substring(0, cut);
  }
}
