package org.capillary.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.capillary.gateway.support.SignedClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tus side of issue 5 over HTTP: creation, resumable PATCHes, checksums, the whole-file digest,
 * termination, discovery, and reads with ranges.
 */
class MediaUploadEndToEndTest extends MediaGatewayTestBase {

  @Autowired
  DigestStates digests;

  @Autowired
  UploadService uploads;

  @Test
  void createUploadIsASignedRecordAnsweredWithTusHeadersAndAReceipt() {
    byte[] content = bytes(1000, 1);
    ObjectNode body = SignedClient.JSON.createObjectNode()
        .put("kind", "PHOTO").put("contentType", "image/jpeg").put("length", content.length).put("sha256", sha256Hex(content));
    byte[] json = SignedClient.JSON.writeValueAsBytes(body);
    String key = scenario.id("idk");
    EntityExchangeResult<byte[]> created = scenario.insurerA.write("POST", "/v1/uploads", "application/json", json, key);

    assertThat(created.getStatus().value()).as(SignedClient.text(created)).isEqualTo(201);
    String location = created.getResponseHeaders().getFirst("Location");
    assertThat(location).matches("/v1/uploads/med-[0-9A-Z]{26}");
    assertThat(created.getResponseHeaders().getFirst("Tus-Resumable")).isEqualTo("1.0.0");
    assertThat(created.getResponseHeaders().getFirst("Upload-Offset")).isEqualTo("0");
    assertThat(created.getResponseHeaders().getFirst("Upload-Expires")).endsWith("GMT");
    JsonNode receipt = SignedClient.json(created);
    assertThat(receipt.path("operationId").asString()).isEqualTo("createUpload");
    assertThat(location).endsWith(receipt.path("submissionId").asString().substring(4));

    // A retry with the same key and body is answered from the store: same upload, same headers.
    EntityExchangeResult<byte[]> again = scenario.insurerA.write("POST", "/v1/uploads", "application/json", json, key);
    assertThat(again.getStatus().value()).isEqualTo(201);
    assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.getResponseHeaders().getFirst("Location")).isEqualTo(location);
    assertThat(again.getResponseHeaders().getFirst("Upload-Offset")).isEqualTo("0");
  }

  @Test
  void createUploadWithoutTusResumableIsRefused() {
    ObjectNode body = SignedClient.JSON.createObjectNode()
        .put("kind", "PHOTO").put("contentType", "image/jpeg").put("length", 10).put("sha256", sha256Hex(new byte[10]));
    EntityExchangeResult<byte[]> r = scenario.insurerA.send("POST", "/v1/uploads", "application/json",
        SignedClient.JSON.writeValueAsBytes(body), scenario.id("idk"), Map.of());
    assertThat(r.getStatus().value()).isEqualTo(400);
    assertThat(SignedClient.json(r).path("code").asString()).isEqualTo("INVALID_PARAMETER");
  }

  @Test
  void aDeclaredLengthOverTheKindsLimitIsUploadTooLarge() {
    ObjectNode body = SignedClient.JSON.createObjectNode()
        .put("kind", "PHOTO").put("contentType", "image/jpeg").put("length", 60L * 1024 * 1024)
        .put("sha256", sha256Hex(new byte[1]));
    EntityExchangeResult<byte[]> r = scenario.insurerA.write("POST", "/v1/uploads", "application/json", body);
    assertThat(r.getStatus().value()).as(SignedClient.text(r)).isEqualTo(413);
    assertThat(SignedClient.json(r).path("code").asString()).isEqualTo("UPLOAD_TOO_LARGE");
  }

  @Test
  void aProjectTheConnectorDoesNotCoverCannotBeClaimed() {
    String othersProject = scenario.coveredProject(scenario.insurerB, scenario.id("FT-T"))[1];
    ObjectNode body = SignedClient.JSON.createObjectNode()
        .put("kind", "PHOTO").put("contentType", "image/jpeg").put("length", 10)
        .put("sha256", sha256Hex(new byte[10])).put("projectId", othersProject);
    EntityExchangeResult<byte[]> r = scenario.insurerA.write("POST", "/v1/uploads", "application/json", body);
    assertThat(r.getStatus().value()).as(SignedClient.text(r)).isEqualTo(403);
    assertThat(SignedClient.json(r).path("code").asString()).isEqualTo("PROJECT_NOT_COVERED");
  }

  @Test
  void optionsTellsTheTusCapabilitiesWithoutASignature() {
    client.options().uri("/v1/uploads").exchange()
        .expectStatus().isNoContent()
        .expectHeader().valueEquals("Tus-Resumable", "1.0.0")
        .expectHeader().valueEquals("Tus-Version", "1.0.0")
        .expectHeader().valueEquals("Tus-Extension", "creation,checksum,termination,expiration")
        .expectHeader().valueEquals("Tus-Checksum-Algorithm", "sha256")
        .expectHeader().valueEquals("Tus-Max-Size", Long.toString(4L * 1024 * 1024 * 1024));
  }

  @Test
  void anInterruptedUploadResumesFromTheRightOffsetAndCompletes() {
    byte[] content = bytes(300_001, 2);
    String location = scenario.declareUpload(scenario.insurerA, content.length, sha256Hex(content), "DOCUMENT", "application/pdf", null);

    EntityExchangeResult<byte[]> first = scenario.patchChunk(scenario.insurerA, location, 0, slice(content, 0, 100_000));
    assertThat(first.getStatus().value()).as(SignedClient.text(first)).isEqualTo(204);
    assertThat(first.getResponseHeaders().getFirst("Upload-Offset")).isEqualTo("100000");
    assertThat(first.getResponseHeaders().getFirst("Upload-Expires")).isNotNull();

    // The connection drops; the client asks where to resume.
    EntityExchangeResult<byte[]> head = head(scenario.insurerA, location);
    assertThat(head.getStatus().value()).isEqualTo(200);
    assertThat(head.getResponseHeaders().getFirst("Upload-Offset")).isEqualTo("100000");
    assertThat(head.getResponseHeaders().getFirst("Upload-Length")).isEqualTo("300001");
    assertThat(head.getResponseHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
    assertThat(head.getResponseHeaders().getFirst("Tus-Resumable")).isEqualTo("1.0.0");

    // A chunk at a stale offset is refused with the current offset.
    EntityExchangeResult<byte[]> stale = scenario.patchChunk(scenario.insurerA, location, 0, slice(content, 0, 10));
    assertThat(stale.getStatus().value()).isEqualTo(409);
    assertThat(SignedClient.json(stale).path("code").asString()).isEqualTo("UPLOAD_OFFSET_MISMATCH");
    assertThat(stale.getResponseHeaders().getFirst("Upload-Offset")).isEqualTo("100000");

    // The gateway "restarts": the running digest is lost and must be rebuilt from the part file.
    digests.remove(uploadId(location));

    EntityExchangeResult<byte[]> second = scenario.patchChunk(scenario.insurerA, location, 100_000, slice(content, 100_000, 200_000));
    assertThat(second.getStatus().value()).as(SignedClient.text(second)).isEqualTo(204);
    EntityExchangeResult<byte[]> last = scenario.patchChunk(scenario.insurerA, location, 200_000, slice(content, 200_000, content.length));
    assertThat(last.getStatus().value()).as(SignedClient.text(last)).isEqualTo(204);
    assertThat(last.getResponseHeaders().getFirst("Upload-Offset")).isEqualTo("300001");
    assertThat(last.getResponseHeaders().getFirst("Upload-Expires")).isNull();

    // A retry of the last chunk (its response was lost) is answered again, changing nothing.
    EntityExchangeResult<byte[]> retry = scenario.patchChunk(scenario.insurerA, location, 200_000, slice(content, 200_000, content.length));
    assertThat(retry.getStatus().value()).as(SignedClient.text(retry)).isEqualTo(204);
    assertThat(retry.getResponseHeaders().getFirst("Upload-Offset")).isEqualTo("300001");

    JsonNode item = SignedClient.json(scenario.insurerA.get("/v1/media/" + uploadId(location)));
    assertThat(item.path("status").asString()).isEqualTo("COMPLETE");
    assertThat(item.path("sha256").asString()).isEqualTo(sha256Hex(content));
    assertThat(item.path("offset").asLong()).isEqualTo(content.length);
    assertThat(item.path("connectorId").asString()).isEqualTo("demo-insurer-a");
    assertThat(item.has("completedAt")).isTrue();
    EntityExchangeResult<byte[]> read = scenario.insurerA.get("/v1/media/" + uploadId(location) + "/content");
    assertThat(read.getStatus().value()).isEqualTo(200);
    assertThat(read.getResponseBody()).isEqualTo(content);
    assertThat(Files.exists(uploads.partFile(uploadId(location)))).isFalse();
  }

  @Test
  void aCorruptedChunkIsRefusedAndTheOffsetStays() {
    byte[] content = bytes(5000, 3);
    String location = scenario.declareUpload(scenario.insurerA, content.length, sha256Hex(content), "PHOTO", "image/jpeg", null);
    assertThat(scenario.patchChunk(scenario.insurerA, location, 0, slice(content, 0, 2000)).getStatus().value()).isEqualTo(204);

    byte[] chunk = slice(content, 2000, 5000);
    String announced = "sha256 " + java.util.Base64.getEncoder().encodeToString(sha256(chunk));
    byte[] corrupted = chunk.clone();
    corrupted[100] ^= 0x40; // damaged after the client computed its checksum (and signed what it sent)
    EntityExchangeResult<byte[]> r = scenario.insurerA.send("PATCH", location, "application/offset+octet-stream", corrupted,
        uploadId(location) + "@2000", Map.of("Tus-Resumable", "1.0.0", "Upload-Offset", "2000", "Upload-Checksum", announced));

    assertThat(r.getStatus().value()).as(SignedClient.text(r)).isEqualTo(460);
    assertThat(SignedClient.json(r).path("code").asString()).isEqualTo("UPLOAD_CHECKSUM_MISMATCH");
    assertThat(head(scenario.insurerA, location).getResponseHeaders().getFirst("Upload-Offset")).isEqualTo("2000");
    assertThat(scenario.patchChunk(scenario.insurerA, location, 2000, chunk).getStatus().value()).isEqualTo(204);
    assertThat(SignedClient.json(scenario.insurerA.get("/v1/media/" + uploadId(location))).path("status").asString())
        .isEqualTo("COMPLETE");
  }

  @Test
  void aChunkWhoseBytesDifferFromTheSignedOnesFailsTheSignature() {
    byte[] content = bytes(1000, 4);
    String location = scenario.declareUpload(scenario.insurerA, content.length, sha256Hex(content), "PHOTO", "image/jpeg", null);
    String key = uploadId(location) + "@0";
    String signature = scenario.insurerA.signer().sign("PATCH", location, content, key);
    byte[] other = content.clone();
    other[0] ^= 1;
    EntityExchangeResult<byte[]> r = client.patch().uri(location)
        .header("Capillary-Signature", signature).header("Idempotency-Key", key)
        .header("Content-Type", "application/offset+octet-stream")
        .header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
        .header("Upload-Checksum", "sha256 " + java.util.Base64.getEncoder().encodeToString(sha256(other)))
        .bodyValue(other).exchange().expectBody().returnResult();
    assertThat(r.getStatus().value()).as(SignedClient.text(r)).isEqualTo(401);
    assertThat(SignedClient.json(r).path("code").asString()).isEqualTo("SIGNATURE_INVALID");
    assertThat(head(scenario.insurerA, location).getResponseHeaders().getFirst("Upload-Offset")).isEqualTo("0");
  }

  @Test
  void aWrongWholeFileDigestIsRefusedAndNothingIsKept() {
    byte[] content = bytes(4000, 5);
    String declared = sha256Hex(bytes(4000, 6));
    String location = scenario.declareUpload(scenario.insurerA, content.length, declared, "PHOTO", "image/jpeg", null);
    assertThat(scenario.patchChunk(scenario.insurerA, location, 0, slice(content, 0, 1000)).getStatus().value()).isEqualTo(204);

    EntityExchangeResult<byte[]> r = scenario.patchChunk(scenario.insurerA, location, 1000, slice(content, 1000, 4000));

    assertThat(r.getStatus().value()).as(SignedClient.text(r)).isEqualTo(422);
    assertThat(SignedClient.json(r).path("code").asString()).isEqualTo("UPLOAD_DIGEST_MISMATCH");
    assertThat(head(scenario.insurerA, location).getStatus().value()).isEqualTo(404);
    assertThat(scenario.insurerA.get("/v1/media/" + uploadId(location)).getStatus().value()).isEqualTo(404);
    assertThat(Files.exists(uploads.partFile(uploadId(location)))).isFalse();
    assertThat(Files.exists(objectPath(sha256Hex(content)))).isFalse();
    assertThat(Files.exists(objectPath(declared))).isFalse();
  }

  @Test
  void aChunkRunningPastTheDeclaredLengthIsRefused() {
    byte[] content = bytes(100, 7);
    String location = scenario.declareUpload(scenario.insurerA, 50, sha256Hex(slice(content, 0, 50)), "PHOTO", "image/jpeg", null);
    EntityExchangeResult<byte[]> r = scenario.patchChunk(scenario.insurerA, location, 0, content);
    assertThat(r.getStatus().value()).as(SignedClient.text(r)).isEqualTo(413);
    assertThat(head(scenario.insurerA, location).getResponseHeaders().getFirst("Upload-Offset")).isEqualTo("0");
  }

  @Test
  void anotherConnectorCannotSeeOrWriteTheUpload() {
    byte[] content = bytes(100, 8);
    String location = scenario.declareUpload(scenario.insurerA, content.length, sha256Hex(content), "PHOTO", "image/jpeg", null);
    assertThat(head(scenario.insurerB, location).getStatus().value()).isEqualTo(404);
    assertThat(scenario.patchChunk(scenario.insurerB, location, 0, content).getStatus().value()).isEqualTo(404);
    assertThat(scenario.insurerB.send("DELETE", location, null, new byte[0], scenario.id("idk"),
        Map.of("Tus-Resumable", "1.0.0")).getStatus().value()).isEqualTo(404);
    assertThat(head(scenario.insurerA, location).getStatus().value()).isEqualTo(200);
  }

  @Test
  void terminationDeletesTheBytes() {
    byte[] content = bytes(3000, 9);
    String location = scenario.declareUpload(scenario.insurerA, content.length, sha256Hex(content), "PHOTO", "image/jpeg", null);
    assertThat(scenario.patchChunk(scenario.insurerA, location, 0, slice(content, 0, 1000)).getStatus().value()).isEqualTo(204);
    assertThat(Files.exists(uploads.partFile(uploadId(location)))).isTrue();

    EntityExchangeResult<byte[]> r = scenario.insurerA.send("DELETE", location, null, new byte[0], scenario.id("idk"),
        Map.of("Tus-Resumable", "1.0.0"));
    assertThat(r.getStatus().value()).as(SignedClient.text(r)).isEqualTo(204);
    assertThat(Files.exists(uploads.partFile(uploadId(location)))).isFalse();
    assertThat(head(scenario.insurerA, location).getStatus().value()).isEqualTo(404);

    var complete = scenario.upload(scenario.insurerA, bytes(10, 10));
    EntityExchangeResult<byte[]> refused = scenario.insurerA.send("DELETE", "/v1/uploads/" + complete.mediaId(), null,
        new byte[0], scenario.id("idk"), Map.of("Tus-Resumable", "1.0.0"));
    assertThat(refused.getStatus().value()).isEqualTo(409);
  }

  @Test
  void contentIsServedWholeOrBySingleRanges() {
    byte[] content = bytes(1000, 11);
    var media = scenario.upload(scenario.insurerA, content);
    String path = "/v1/media/" + media.mediaId() + "/content";

    EntityExchangeResult<byte[]> whole = scenario.insurerA.get(path);
    assertThat(whole.getStatus().value()).isEqualTo(200);
    assertThat(whole.getResponseBody()).isEqualTo(content);
    assertThat(whole.getResponseHeaders().getFirst("Accept-Ranges")).isEqualTo("bytes");
    assertThat(whole.getResponseHeaders().getETag()).isEqualTo("\"" + media.sha256() + "\"");

    EntityExchangeResult<byte[]> first10 = range(path, "bytes=0-9");
    assertThat(first10.getStatus().value()).isEqualTo(206);
    assertThat(first10.getResponseHeaders().getFirst("Content-Range")).isEqualTo("bytes 0-9/1000");
    assertThat(first10.getResponseBody()).isEqualTo(slice(content, 0, 10));

    EntityExchangeResult<byte[]> middle = range(path, "bytes=500-");
    assertThat(middle.getResponseHeaders().getFirst("Content-Range")).isEqualTo("bytes 500-999/1000");
    assertThat(middle.getResponseBody()).isEqualTo(slice(content, 500, 1000));

    EntityExchangeResult<byte[]> suffix = range(path, "bytes=-5");
    assertThat(suffix.getResponseHeaders().getFirst("Content-Range")).isEqualTo("bytes 995-999/1000");
    assertThat(suffix.getResponseBody()).isEqualTo(slice(content, 995, 1000));

    EntityExchangeResult<byte[]> past = range(path, "bytes=990-5000");
    assertThat(past.getResponseHeaders().getFirst("Content-Range")).isEqualTo("bytes 990-999/1000");

    EntityExchangeResult<byte[]> outside = range(path, "bytes=1000-");
    assertThat(outside.getStatus().value()).isEqualTo(416);
    assertThat(outside.getResponseHeaders().getFirst("Content-Range")).isEqualTo("bytes */1000");
  }

  @Test
  void readersAreTheOwnerTheOperatorTheCoveringInsurerAndTheAreasOffice() {
    String project = projectIn("440304001"); // the demo Nanyuan office's area
    byte[] content = bytes(64, 12);
    String location = scenario.declareUpload(scenario.vendor, content.length, sha256Hex(content), "PHOTO", "image/jpeg",
        deviceProject(project));
    assertThat(scenario.patchChunk(scenario.vendor, location, 0, content).getStatus().value()).isEqualTo(204);
    String path = "/v1/media/" + uploadId(location);

    assertThat(scenario.vendor.get(path).getStatus().value()).isEqualTo(200);
    assertThat(scenario.operator.get(path).getStatus().value()).isEqualTo(200);
    assertThat(scenario.insurerA.get(path).getStatus().value()).isEqualTo(200); // covers the project
    assertThat(scenario.insurerA.get(path + "/content").getResponseBody()).isEqualTo(content);
    assertThat(scenario.subdistrict.get(path).getStatus().value()).isEqualTo(200);
    assertThat(scenario.insurerB.get(path).getStatus().value()).isEqualTo(404);
    assertThat(scenario.insurerB.get(path + "/content").getStatus().value()).isEqualTo(404);

    String elsewhere = projectIn("440304011");
    var other = scenario.declareUpload(scenario.insurerA, content.length, sha256Hex(content), "PHOTO", "image/jpeg", elsewhere);
    assertThat(scenario.patchChunk(scenario.insurerA, other, 0, content).getStatus().value()).isEqualTo(204);
    assertThat(scenario.subdistrict.get("/v1/media/" + uploadId(other)).getStatus().value()).isEqualTo(404);
    assertThat(scenario.vendor.get("/v1/media/" + uploadId(other)).getStatus().value()).isEqualTo(404);
    // same content, stored once
    assertThat(SignedClient.json(scenario.insurerA.get("/v1/media/" + uploadId(other))).path("sha256").asString())
        .isEqualTo(sha256Hex(content));
  }

  /** A new project of insurer A in a sub-district. */
  private String projectIn(String subdistrictCode) {
    ObjectNode body = (ObjectNode) org.capillary.gateway.support.SpecExamples.firstValid("registerPolicy");
    body.put("policyId", scenario.id("pol"));
    var projects = (tools.jackson.databind.node.ArrayNode) body.get("projects");
    while (projects.size() > 1) {
      projects.remove(projects.size() - 1);
    }
    String projectId = scenario.id("FT-T");
    ((ObjectNode) projects.get(0)).put("projectId", projectId).put("subdistrictCode", subdistrictCode);
    EntityExchangeResult<byte[]> r = scenario.insurerA.write("POST", "/v1/policies", "application/json", body);
    assertThat(r.getStatus().value()).as(SignedClient.text(r)).isEqualTo(201);
    return projectId;
  }

  /** Registers a device of the demo vendor on the project, so the vendor may name the project. */
  private String deviceProject(String project) {
    scenario.device(scenario.id("dev"), project);
    return project;
  }

  private EntityExchangeResult<byte[]> range(String path, String range) {
    return client.get().uri(path)
        .header("Capillary-Signature", scenario.insurerA.signer().sign("GET", path, new byte[0], null))
        .header("Range", range)
        .exchange().expectBody().returnResult();
  }

  private static EntityExchangeResult<byte[]> head(SignedClient who, String location) {
    return who.send("HEAD", location, null, new byte[0], null, Map.of("Tus-Resumable", "1.0.0"));
  }

  static String uploadId(String location) {
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static Path objectPath(String sha256) {
    return DATA_DIR.resolve("media").resolve("objects").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4))
        .resolve(sha256);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
