package org.capillary.conformance.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.capillary.spec.contract.Operation;
import org.capillary.sdk.auth.JwsRequestSigner;

/**
 * The catalogue of the error families: correctly signed requests that break one rule of the guard,
 * idempotency, validation, routing or authorisation.
 */
final class ErrorFamilies {

  private ErrorFamilies() {}

  static List<ProblemCase> cases() {
    return List.of(
        bodyCase("malformed-json", 400, "MALFORMED_JSON", s -> PolicyRequests.utf8("{\"policyId\":")),
        bodyCase("duplicate-json-property", 400, "DUPLICATE_JSON_PROPERTY",
            s -> PolicyRequests.utf8("{\"policyId\":\"pol-1\",\"policyId\":\"pol-2\"}")),
        bodyCase("json-too-deep", 400, "JSON_TOO_DEEP", s -> PolicyRequests.utf8("[".repeat(1000) + "]".repeat(1000))),
        bodyCase("json-string-too-long", 400, "JSON_STRING_TOO_LONG",
            s -> PolicyRequests.utf8("{\"policyId\":\"" + "x".repeat(100 * 1024) + "\"}")),
        bodyCase("payload-too-large", 413, "PAYLOAD_TOO_LARGE", s -> oversized()),
        bodyCase("validation-failed", 422, "VALIDATION_FAILED", s -> PolicyRequests.utf8("{}")),
        new ProblemCase("unsupported-media-type", 415, "UNSUPPORTED_MEDIA_TYPE", s -> s.client().write("unsupported-media-type",
            s.connectors().insurerA(), "POST", PolicyRequests.TARGET, "text/plain", PolicyRequests.body(s.fixtures()))),
        new ProblemCase("idempotency-key-missing", 400, "IDEMPOTENCY_KEY_MISSING", s -> {
          byte[] body = PolicyRequests.body(s.fixtures());
          String signature = s.connectors().insurerA().signer().sign("POST", PolicyRequests.TARGET, body, null).headerValue();
          return s.client().send("idempotency-key-missing", "POST", PolicyRequests.TARGET,
              Map.of("Capillary-Signature", signature, "Content-Type", "application/json"), body);
        }),
        new ProblemCase("content-digest-mismatch", 400, "CONTENT_DIGEST_MISMATCH", s -> s.client().write("content-digest-mismatch",
            s.connectors().insurerA(), "POST", PolicyRequests.TARGET, "application/json", PolicyRequests.body(s.fixtures()),
            PolicyRequests.key(), Map.of("Content-Digest", JwsRequestSigner.contentDigest(PolicyRequests.utf8("{}"))))),
        new ProblemCase("unknown-resource", 404, "NOT_FOUND", s -> s.client().read("unknown-resource", s.connectors().insurerA(),
            "GET", "/v1/submissions/sub_" + "0".repeat(26), Map.of())),
        new ProblemCase("method-not-allowed", 405, "METHOD_NOT_ALLOWED", s -> s.client().write("method-not-allowed",
            s.connectors().insurerA(), "DELETE", PolicyRequests.TARGET, "application/json", PolicyRequests.body(s.fixtures()))),
        new ProblemCase("invalid-parameter", 400, "INVALID_PARAMETER", s -> s.client().read("invalid-parameter",
            s.connectors().vendor(), "GET", "/v1/alerts?limit=0", Map.of())),
        new ProblemCase("operation-not-permitted", 403, "OPERATION_NOT_PERMITTED", s -> s.client().write("operation-not-permitted",
            s.connectors().vendor(), "POST", PolicyRequests.TARGET, "application/json", PolicyRequests.body(s.fixtures()))),
        new ProblemCase("project-not-covered", 403, "PROJECT_NOT_COVERED", s -> {
          Operation op = s.contract().operation("submitInspection").orElseThrow();
          Fixtures.Prepared p = s.fixtures().prepare(op, ContractExamples.firstValid(op.operationId()));
          return s.client().write("project-not-covered", s.connectors().insurerB(), "POST", p.target(), p.contentType(), p.bytes());
        }));
  }

  private static ProblemCase bodyCase(String name, int status, String code, java.util.function.Function<PlatformSession, byte[]> body) {
    return new ProblemCase(name, status, code, s -> s.client().write(name, s.connectors().insurerA(), "POST", PolicyRequests.TARGET,
        "application/json", body.apply(s)));
  }

  private static byte[] oversized() {
    byte[] body = new byte[8 * 1024 * 1024 + 1];
    Arrays.fill(body, (byte) ' ');
    body[0] = '[';
    body[body.length - 1] = ']';
    return body;
  }
}
