package org.capillary.conformance.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.capillary.spec.contract.Contract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The instructions of the connector plans, made from the contract's valid examples
 * ({@code spec/examples}) with fresh record ids, so that every run submits records the platform
 * has not seen, and with media files of random content written to the scenario's directory.
 */
public final class InstructionSets {

  /** The works project the instructed records are about (the examples' project). */
  public static final String PROJECT_ID = "FT-XE-2026-000123";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private InstructionSets() {}

  /**
   * An insurer's work: a risk assessment citing its report (a document uploaded first) and a
   * first key-hazard inspection.
   *
   * @param dir where to write the media files
   * @param connectorId the connector's id
   * @return the instructions
   */
  public static Instructions insurer(Path dir, String connectorId) {
    Instructions.Media report = media(dir, "report", "report.pdf", "DOCUMENT", "application/pdf", 40 * 1024);
    ObjectNode assessment = example("submitRiskAssessment", "valid-minimal.json");
    fresh(assessment, "assessmentId");
    assessment.set("report", mediaRef(report));
    ObjectNode inspection = example("submitInspection", "valid-first-key-hazard-minimal.json");
    fresh(inspection, "inspectionId");
    return new Instructions(connectorId, List.of(report), List.of(
        new Instructions.Record("risk-assessment", "submitRiskAssessment", Map.of("projectId", PROJECT_ID), assessment),
        new Instructions.Record("first-inspection", "submitInspection", Map.of("projectId", PROJECT_ID), inspection)));
  }

  /**
   * A device vendor's work: an AI alert citing its snapshot (a photo uploaded first), a minimal AI
   * alert, and a batch of two alerts, each event with a fresh CloudEvents {@code id}.
   *
   * @param dir where to write the media files
   * @param connectorId the connector's id
   * @return the instructions
   */
  public static Instructions device(Path dir, String connectorId) {
    Instructions.Media snapshot = media(dir, "snapshot", "snapshot.jpg", "PHOTO", "image/jpeg", 24 * 1024);
    ObjectNode withSnapshot = example("publishAlert", "valid-dahua-workclothes.json");
    fresh(withSnapshot, "id");
    ((ObjectNode) withSnapshot.get("data")).set("snapshot", mediaRef(snapshot));
    ObjectNode minimal = example("publishAlert", "valid-minimal-ai.json");
    fresh(minimal, "id");
    ArrayNode batch = JSON.createArrayNode();
    for (int i = 0; i < 2; i++) {
      ObjectNode event = (ObjectNode) exampleBody("publishAlertBatch", "valid-single.json").get(0);
      fresh(event, "id");
      batch.add(event);
    }
    return new Instructions(connectorId, List.of(snapshot), List.of(
        new Instructions.Record("alert-with-snapshot", "publishAlert", Map.of(), withSnapshot),
        new Instructions.Record("alert-minimal", "publishAlert", Map.of(), minimal),
        new Instructions.Record("alert-batch", "publishAlertBatch", Map.of(), batch)));
  }

  private static ObjectNode example(String operationId, String file) {
    return (ObjectNode) exampleBody(operationId, file);
  }

  private static JsonNode exampleBody(String operationId, String file) {
    try (InputStream in = Contract.resource("examples/" + operationId + "/" + file)) {
      return JSON.readTree(in).get("body").deepCopy();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fresh(ObjectNode record, String member) {
    byte[] suffix = new byte[5];
    RANDOM.nextBytes(suffix);
    record.put(member, record.get(member).asString() + "-" + HexFormat.of().formatHex(suffix));
  }

  private static ObjectNode mediaRef(Instructions.Media media) {
    ObjectNode ref = JSON.createObjectNode();
    ref.put("mediaId", Instructions.MEDIA_PLACEHOLDER + media.ref());
    ref.put("sha256", media.sha256());
    return ref;
  }

  private static Instructions.Media media(Path dir, String ref, String name, String kind, String contentType, int length) {
    byte[] content = new byte[length];
    RANDOM.nextBytes(content);
    byte[] magic = (kind.equals("PHOTO") ? "\u00ff\u00d8\u00ff" : "%PDF-1.4\n").getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(magic, 0, content, 0, magic.length);
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(name);
      Files.write(file, content);
      return new Instructions.Media(ref, file.toAbsolutePath(), kind, contentType, length,
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
