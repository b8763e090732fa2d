package org.capillary.conformance.sandbox;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.contract.Operation;
import org.capillary.spec.contract.OperationMatch;
import org.capillary.spec.validation.ContractValidator;
import org.capillary.spec.validation.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates one request as strictly as the gateway, in the gateway's order: the operation
 * ({@link Contract#match}), the guard (Idempotency-Key, Content-Digest), the signature
 * ({@link RequestSignatureVerifier}), the header parameters, the content type and the JSON Schema
 * ({@link ContractValidator}). Stops at the first failure, as the gateway does, so each finding is
 * the code the gateway would answer.
 */
final class RequestJudge {

  /** The header fields the sandbox keeps, by their contract names. */
  static final List<String> KEPT_HEADERS = List.of("Capillary-Signature", "Idempotency-Key", "Content-Digest",
      "Content-Type", "X-Request-Id", "Tus-Resumable", "Upload-Offset", "Upload-Checksum");

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
  private static final Pattern REQUEST_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
  private static final Pattern UPLOAD_CHECKSUM = Pattern.compile("^sha256 [A-Za-z0-9+/]{43}=$");
  private static final JsonMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /**
   * What the judge found.
   *
   * @param match the operation, or {@code null} when the request addresses none
   * @param findings the first failure, or empty
   * @param signature the signature members, if readable
   * @param json the parsed body of a JSON operation that passed, else {@code null}
   */
  record Judgement(@Nullable OperationMatch match, List<Finding> findings, @Nullable SignedMembers signature,
      @Nullable JsonNode json) {
  }

  private final Contract contract;
  private final ContractValidator validator;
  private final RequestSignatureVerifier signatures;

  RequestJudge(Contract contract, ContractValidator validator, RequestSignatureVerifier signatures) {
    this.contract = contract;
    this.validator = validator;
    this.signatures = signatures;
  }

  Judgement judge(String method, String target, Map<String, List<String>> headers, byte[] body) {
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    Optional<OperationMatch> found = contract.match(method, path);
    if (found.isEmpty()) {
      return contract.hasPath(path)
          ? refuse(null, null, "METHOD_NOT_ALLOWED", 405, "CAP-API-02", method + " is not defined for " + path)
          : refuse(null, null, "NOT_FOUND", 404, "CAP-API-01", "no operation of the contract has the path " + path);
    }
    OperationMatch match = found.get();
    Operation op = match.operation();
    if (method.equals("OPTIONS") || !path.startsWith("/v1/")) {
      // tus discovery and the JWK Set are unsigned (spec/SIGNING.md §1 scope).
      return new Judgement(match, List.of(), null, null);
    }
    String idempotencyKey = first(headers, "Idempotency-Key");
    if (op.isWrite() && (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey.strip()).matches())) {
      return refuse(match, null, "IDEMPOTENCY_KEY_MISSING", 400, "CAP-IDM-01", "a write without a valid Idempotency-Key");
    }
    String digest = RequestSignatureVerifier.contentDigest(body);
    String contentDigest = first(headers, "Content-Digest");
    if (contentDigest != null && !contentDigest.strip().equals(digest)) {
      return refuse(match, null, "CONTENT_DIGEST_MISMATCH", 400, "CAP-SIG-10",
          "Content-Digest " + contentDigest + ", body " + digest);
    }
    SignatureVerification signature = signatures.verify(method, target, body, op.isWrite(),
        idempotencyKey == null ? null : idempotencyKey.strip(), headers.getOrDefault("Capillary-Signature", List.of()));
    if (!signature.verified()) {
      return new Judgement(match, List.of(signature.failure()), signature.members(), null);
    }
    String requestId = first(headers, "X-Request-Id");
    if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
      return refuse(match, signature.members(), "INVALID_PARAMETER", 400, "CAP-VAL-02", "X-Request-Id " + requestId);
    }
    String tus = tusProblem(op.operationId(), headers, body);
    if (tus != null) {
      return tus.startsWith("checksum")
          ? refuse(match, signature.members(), "UPLOAD_CHECKSUM_MISMATCH", 460, "CAP-MED-03", tus)
          : refuse(match, signature.members(), "INVALID_PARAMETER", 400, "CAP-VAL-02", tus);
    }
    if (!op.requestContentTypes().isEmpty()) {
      String type = mediaType(first(headers, "Content-Type"));
      if (!op.requestContentTypes().contains(type)) {
        return refuse(match, signature.members(), "UNSUPPORTED_MEDIA_TYPE", 415, "CAP-GRD-02",
            "Content-Type " + type + ", the operation accepts " + op.requestContentTypes());
      }
    }
    if (!op.hasJsonBody()) {
      return new Judgement(match, List.of(), signature.members(), null);
    }
    JsonNode json;
    try {
      json = STRICT.readTree(body);
    } catch (StreamReadException e) {
      boolean duplicate = e.getMessage() != null && e.getMessage().contains("Duplicate");
      return duplicate
          ? refuse(match, signature.members(), "DUPLICATE_JSON_PROPERTY", 400, "CAP-GRD-06", e.getOriginalMessage())
          : refuse(match, signature.members(), "MALFORMED_JSON", 400, "CAP-GRD-03", e.getOriginalMessage());
    } catch (JacksonException e) {
      return refuse(match, signature.members(), "MALFORMED_JSON", 400, "CAP-GRD-03", e.getOriginalMessage());
    }
    if (json == null || json.isMissingNode()) {
      return refuse(match, signature.members(), "MALFORMED_JSON", 400, "CAP-GRD-03", "empty body");
    }
    List<Violation> violations = validator.validate(op.operationId(), json);
    if (!violations.isEmpty()) {
      List<String> errors = new ArrayList<>();
      violations.forEach(v -> errors.add(v.pointer() + " " + v.code()));
      return refuse(match, signature.members(), "VALIDATION_FAILED", 422, "CAP-VAL-01", String.join(", ", errors));
    }
    return new Judgement(match, List.of(), signature.members(), json);
  }

  private static @Nullable String tusProblem(String operationId, Map<String, List<String>> headers, byte[] body) {
    if (!List.of("createUpload", "appendUploadChunk", "getUploadOffset", "cancelUpload").contains(operationId)) {
      return null;
    }
    if (!"1.0.0".equals(first(headers, "Tus-Resumable"))) {
      return "Tus-Resumable must be 1.0.0";
    }
    if (!operationId.equals("appendUploadChunk")) {
      return null;
    }
    String offset = first(headers, "Upload-Offset");
    if (offset == null || !offset.matches("[0-9]{1,18}")) {
      return "Upload-Offset must be a non-negative integer";
    }
    String checksum = first(headers, "Upload-Checksum");
    if (checksum == null || !UPLOAD_CHECKSUM.matcher(checksum).matches()) {
      return "Upload-Checksum must be sha256 <base64>";
    }
    String expected = "sha256 " + Base64.getEncoder().encodeToString(Digests.sha256(body));
    return checksum.equals(expected) ? null : "checksum of the chunk is " + expected + ", Upload-Checksum " + checksum;
  }

  private static Judgement refuse(@Nullable OperationMatch match, @Nullable SignedMembers members, String code,
      int status, String requirement, String detail) {
    return new Judgement(match, List.of(new Finding(code, status, requirement, detail)), members, null);
  }

  private static String mediaType(@Nullable String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  static @Nullable String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The kept headers' first values, by contract name. */
  static Map<String, String> kept(Map<String, List<String>> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : KEPT_HEADERS) {
      String v = first(headers, name);
      if (v != null) {
        out.put(name, v);
      }
    }
    return out;
  }
}
