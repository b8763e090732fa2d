package org.capillary.conformance.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the sandbox answers to one request.
 *
 * @param status the HTTP status
 * @param headers the response header fields
 * @param body the response body
 * @param submissionId the submission filed or replayed, or {@code null}
 * @param replayed whether this is the stored answer of an earlier request with the same key
 * @param code the problem code of an error answer, or {@code null}
 */
record Answer(int status, Map<String, String> headers, byte[] body, @Nullable String submissionId, boolean replayed,
    @Nullable String code) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  Answer {
    headers = Map.copyOf(headers);
  }

  static Answer empty(int status, Map<String, String> headers) {
    return new Answer(status, headers, new byte[0], null, false, null);
  }

  static Answer json(int status, String json, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/json");
    return new Answer(status, all, json.getBytes(StandardCharsets.UTF_8), null, false, null);
  }

  /** An RFC 9457 problem document, as the gateway renders it. */
  static Answer problem(int status, String code, String detail, Map<String, String> headers) {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "https://capillary.dev/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    p.put("title", code);
    p.put("status", status);
    p.put("code", code);
    p.put("detail", detail);
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/problem+json");
    if (status == 401) {
      all.put("WWW-Authenticate", "Capillary-Signature");
    }
    return new Answer(status, all, JSON.writeValueAsBytes(p), null, false, code);
  }

  static Answer problem(Finding finding) {
    return problem(finding.status(), finding.code(), finding.detail(), Map.of());
  }

  Answer withSubmission(String id, boolean replay) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    if (replay) {
      all.put("Idempotent-Replayed", "true");
    }
    return new Answer(status, all, body, id, replay, code);
  }
}
