package org.capillary.conformance.platform;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.plan.Transcript;
import tools.jackson.databind.node.ObjectNode;

/**
 * A resumable upload as a connector with a broken connection does it (tus 1.0): discovery, create,
 * the first half, HEAD to learn the offset, two refused PATCHes (wrong offset, wrong checksum), then
 * the rest.
 */
public final class MediaUploadScenario implements Scenario<UploadRun> {

  static final int LENGTH = 64 * 1024;

  @Override
  public String id() {
    return "media-upload";
  }

  @Override
  public String description() {
    return "Uploads 64 KiB in two PATCHes with a HEAD between them, and sends a PATCH at a wrong offset and one with a wrong checksum.";
  }

  @Override
  public UploadRun setUp(RunSettings settings, Transcript transcript) {
    PlatformSession s = PlatformSession.open(settings, transcript);
    PlatformConnector a = s.connectors().insurerA();
    byte[] content = new byte[LENGTH];
    new Random(settings.clock().millis()).nextBytes(content);
    int half = LENGTH / 2;
    Exchange capabilities = s.client().send("getUploadCapabilities", "OPTIONS", "/v1/uploads", Map.of("Tus-Resumable", "1.0.0"),
        new byte[0]);
    ObjectNode declaration = Exchange.JSON.createObjectNode().put("kind", "PHOTO").put("contentType", "image/jpeg")
        .put("length", LENGTH).put("sha256", HexFormat.of().formatHex(Fixtures.sha256(content)));
    Exchange created = s.client().write("createUpload", a, "POST", "/v1/uploads", "application/json",
        Exchange.JSON.writeValueAsBytes(declaration), PolicyRequests.key(), Map.of("Tus-Resumable", "1.0.0"));
    String location = created.header("Location").orElse("/v1/uploads/none");
    byte[] first = Arrays.copyOfRange(content, 0, half);
    byte[] second = Arrays.copyOfRange(content, half, LENGTH);
    Exchange firstHalf = s.fixtures().patchChunk(a, location, 0, first, "appendUploadChunk first half");
    Exchange offset = s.client().read("getUploadOffset", a, "HEAD", location, Map.of("Tus-Resumable", "1.0.0"));
    Exchange wrongOffset = s.client().write("appendUploadChunk at a wrong offset", a, "PATCH", location,
        "application/offset+octet-stream", first, PolicyRequests.key(), Map.of("Tus-Resumable", "1.0.0", "Upload-Offset", "0",
            "Upload-Checksum", "sha256 " + Base64.getEncoder().encodeToString(Fixtures.sha256(first))));
    Exchange badChecksum = s.client().write("appendUploadChunk with a wrong checksum", a, "PATCH", location,
        "application/offset+octet-stream", second, PolicyRequests.key(), Map.of("Tus-Resumable", "1.0.0", "Upload-Offset",
            Integer.toString(half), "Upload-Checksum", "sha256 " + Base64.getEncoder().encodeToString(Fixtures.sha256(first))));
    Exchange rest = s.fixtures().patchChunk(a, location, half, second, "appendUploadChunk second half");
    return new UploadRun(capabilities, created, firstHalf, offset, wrongOffset, badChecksum, rest, LENGTH, half);
  }

  @Override
  public List<Check<? super UploadRun>> checks() {
    return List.of(new ExpectTusCapabilities(), new ExpectUploadCreated(), new ExpectUploadOffsetReported(),
        new ExpectOffsetMismatchRejected(), new ExpectChecksumMismatchRejected(), new ExpectUploadCompletes());
  }
}
