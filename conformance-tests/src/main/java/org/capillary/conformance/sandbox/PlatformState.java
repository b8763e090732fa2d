package org.capillary.conformance.sandbox;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.capillary.spec.contract.Operation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the sandbox remembers between requests, and how it answers a valid one like the gateway:
 * writes are filed once per Idempotency-Key (a repeat with the same body gets the stored answer
 * with {@code Idempotent-Replayed: true}, with another body {@code IDEMPOTENCY_KEY_REUSED}),
 * each with a signed receipt; records citing media not completely uploaded get
 * {@code MEDIA_NOT_READY}; uploads follow tus 1.0 (creation, PATCH at the current offset, HEAD,
 * termination) and are checked against their declared SHA-256 when complete.
 *
 * <p>It answers the reads a connector needs to finish its own cycle, as the contract shapes them:
 * {@code getSubmission} for a submission it filed ({@code PROCESSED}: the sandbox applies nothing,
 * so nothing is pending), {@code listProjectObligations} (none: the sandbox evaluates no rules) and
 * {@code listAlerts} (an empty page: it keeps no projections). Every other read is answered 404.
 * Thread-safe (every answer under one lock: the sandbox serves one connector).
 */
final class PlatformState {

  private static final String TUS = "1.0.0";
  /** The rule profile named in obligation lists (spec/rules/futian-2025.yaml). */
  private static final String RULE_PROFILE = "futian-2025";
  /** The contract's default page size (parameter limit). */
  private static final int DEFAULT_PAGE_LIMIT = 100;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** An upload and what the sandbox received of it. */
  static final class Upload {
    final String id;
    final long length;
    final String sha256;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean complete;

    Upload(String id, long length, String sha256) {
      this.id = id;
      this.length = length;
      this.sha256 = sha256;
    }
  }

  private record Stored(String contentDigest, Answer answer) {
  }

  private final String connectorId;
  private final ReceiptIssuer receipts;
  private final Clock clock;
  private final Map<String, Stored> byIdempotencyKey = new HashMap<>();
  private final Map<String, Upload> uploads = new LinkedHashMap<>();
  private final Map<String, ObjectNode> submissions = new HashMap<>();
  private long sequence;

  PlatformState(String connectorId, ReceiptIssuer receipts, Clock clock) {
    this.connectorId = connectorId;
    this.receipts = receipts;
    this.clock = clock;
  }

  /** The uploads completed so far: id → SHA-256. */
  synchronized Map<String, String> completedUploads() {
    Map<String, String> out = new LinkedHashMap<>();
    uploads.values().stream().filter(u -> u.complete).forEach(u -> out.put(u.id, u.sha256));
    return out;
  }

  synchronized Answer answer(Operation op, String target, Map<String, String> headers, byte[] body,
      @Nullable JsonNode json, @Nullable SignedMembers signature) {
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    return switch (op.operationId()) {
      case "getJwks" -> Answer.json(200, receipts.jwksJson(), Map.of("Cache-Control", "max-age=300"));
      case "getUploadCapabilities" -> Answer.empty(204, Map.of("Tus-Resumable", TUS, "Tus-Version", TUS,
          "Tus-Extension", "creation,checksum,termination,expiration", "Tus-Max-Size", "4294967296",
          "Tus-Checksum-Algorithm", "sha256"));
      case "appendUploadChunk" -> append(uploadId(path), Long.parseLong(headers.get("Upload-Offset")), body);
      case "getUploadOffset" -> offset(uploadId(path));
      case "cancelUpload" -> cancel(uploadId(path));
      case "getSubmission" -> submission(lastSegment(path));
      case "listProjectObligations" -> obligations(segment(path, 3));
      case "listAlerts" -> emptyAlertPage();
      default -> op.isWrite() && json != null
          ? write(op, headers.get("Idempotency-Key").strip(), body, json, signature)
          : Answer.problem(404, "NOT_FOUND", "the sandbox keeps no read models: " + op.operationId(), Map.of());
    };
  }

  private Answer write(Operation op, String key, byte[] body, JsonNode json, @Nullable SignedMembers signature) {
    String digest = RequestSignatureVerifier.contentDigest(body);
    Stored stored = byIdempotencyKey.get(key);
    if (stored != null) {
      return stored.contentDigest.equals(digest)
          ? stored.answer.withSubmission(stored.answer.submissionId(), true)
          : Answer.problem(422, "IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key was used with another body", Map.of());
    }
    for (MediaRefs.MediaRef ref : MediaRefs.in(json)) {
      Upload u = uploads.get(ref.mediaId());
      if (u == null || !u.complete || !u.sha256.equals(ref.sha256())) {
        return Answer.problem(422, "MEDIA_NOT_READY", "media " + ref.mediaId() + " is missing, incomplete or of another digest",
            Map.of());
      }
    }
    Instant now = clock.instant();
    String submissionId = SubmissionIds.next(now);
    long seq = ++sequence;
    String receipt = receipts.sign(submissionId, connectorId, op.operationId(), digest, seq, now.getEpochSecond(),
        signature == null || signature.jti() == null ? "" : signature.jti(), key);
    ObjectNode doc = JSON.createObjectNode();
    doc.put("submissionId", submissionId);
    doc.put("status", "ACCEPTED");
    doc.put("connectorId", connectorId);
    doc.put("operationId", op.operationId());
    doc.put("contentDigest", digest);
    doc.put("sequence", seq);
    doc.put("receivedAt", now.atOffset(ZoneOffset.UTC).toString());
    doc.put("receipt", receipt);
    submissions.put(submissionId, doc.deepCopy());
    Map<String, String> headers = new LinkedHashMap<>();
    if (op.operationId().equals("createUpload")) {
      String uploadId = "med-" + submissionId.substring(4);
      uploads.put(uploadId, new Upload(uploadId, json.path("length").asLong(), json.path("sha256").asString()));
      headers.put("Location", "/v1/uploads/" + uploadId);
      headers.put("Tus-Resumable", TUS);
      headers.put("Upload-Offset", "0");
    } else {
      headers.put("Location", "/v1/submissions/" + submissionId);
    }
    Answer answer = Answer.json(201, JSON.writeValueAsString(doc), headers).withSubmission(submissionId, false);
    byIdempotencyKey.put(key, new Stored(digest, answer));
    return answer;
  }

  private Answer append(String uploadId, long offset, byte[] chunk) {
    Upload u = uploads.get(uploadId);
    if (u == null) {
      return Answer.problem(404, "NOT_FOUND", "no upload " + uploadId, Map.of());
    }
    long current = u.bytes.size();
    if (u.complete || offset != current) {
      return Answer.problem(409, "UPLOAD_OFFSET_MISMATCH", "the upload is at " + current,
          Map.of("Upload-Offset", Long.toString(current), "Tus-Resumable", TUS));
    }
    if (current + chunk.length > u.length) {
      return Answer.problem(413, "UPLOAD_TOO_LARGE", "the chunk goes past the declared length", Map.of());
    }
    u.bytes.writeBytes(chunk);
    if (u.bytes.size() == u.length) {
      if (!Digests.sha256Hex(u.bytes.toByteArray()).equals(u.sha256)) {
        uploads.remove(uploadId);
        return Answer.problem(422, "UPLOAD_DIGEST_MISMATCH", "the upload's SHA-256 differs from the declared one", Map.of());
      }
      u.complete = true;
    }
    return Answer.empty(204, Map.of("Upload-Offset", Long.toString(u.bytes.size()), "Tus-Resumable", TUS));
  }

  private Answer offset(String uploadId) {
    Upload u = uploads.get(uploadId);
    if (u == null) {
      return Answer.problem(404, "NOT_FOUND", "no upload " + uploadId, Map.of());
    }
    return Answer.empty(200, Map.of("Upload-Offset", Long.toString(u.bytes.size()), "Upload-Length",
        Long.toString(u.length), "Cache-Control", "no-store", "Tus-Resumable", TUS));
  }

  private Answer cancel(String uploadId) {
    Upload u = uploads.get(uploadId);
    if (u == null || u.complete) {
      return Answer.problem(404, "NOT_FOUND", "no unfinished upload " + uploadId, Map.of());
    }
    uploads.remove(uploadId);
    return Answer.empty(204, Map.of("Tus-Resumable", TUS));
  }

  private Answer submission(String submissionId) {
    ObjectNode filed = submissions.get(submissionId);
    if (filed == null) {
      return Answer.problem(404, "NOT_FOUND", "the sandbox filed no submission " + submissionId, Map.of());
    }
    ObjectNode status = filed.deepCopy();
    status.put("status", "PROCESSED");
    status.put("processedAt", filed.path("receivedAt").asString());
    return Answer.json(200, JSON.writeValueAsString(status), Map.of("Cache-Control", "no-store"));
  }

  private Answer obligations(String projectId) {
    ObjectNode list = JSON.createObjectNode();
    list.put("projectId", projectId);
    list.put("ruleProfile", RULE_PROFILE);
    list.put("evaluatedAt", clock.instant().atOffset(ZoneOffset.UTC).toString());
    list.putArray("obligations");
    return Answer.json(200, JSON.writeValueAsString(list), Map.of("Cache-Control", "no-store"));
  }

  private static Answer emptyAlertPage() {
    ObjectNode page = JSON.createObjectNode();
    page.putArray("items");
    page.putObject("page").put("limit", DEFAULT_PAGE_LIMIT);
    return Answer.json(200, JSON.writeValueAsString(page), Map.of("Cache-Control", "no-store"));
  }

  private static String uploadId(String path) {
    return lastSegment(path);
  }

  private static String lastSegment(String path) {
    return decode(path.substring(path.lastIndexOf('/') + 1));
  }

  /** The n-th segment of a path ({@code /v1/projects/X/obligations}: 3 is {@code X}), percent-decoded. */
  private static String segment(String path, int n) {
    String[] segments = path.split("/");
    return n < segments.length ? decode(segments[n]) : "";
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
