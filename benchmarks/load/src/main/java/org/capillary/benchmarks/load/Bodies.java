package org.capillary.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies from the contract's valid examples (the spec jar), with fresh ids. The inspection
 * is the contract's full example (inspectors, agency, key items, findings, photos, signature); its
 * six media references are pointed at one photo the connector uploaded (the gateway accepts only
 * complete media of the citing connector, with the stated SHA-256). It is serialised once around a
 * fixed-width placeholder id, which {@link #inspection} overwrites in a copy: a new record id per
 * request without a JSON round trip.
 */
final class Bodies {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final String PLACEHOLDER = "insp-PLACEHOLDER-000000000000";

  private final byte[] inspectionTemplate;
  private final int idOffset;

  /**
   * @param mediaId the media every MediaRef of the inspection cites
   * @param sha256 its SHA-256 (hex)
   */
  Bodies(String mediaId, String sha256) {
    ObjectNode inspection = (ObjectNode) example("submitInspection/valid-full.json");
    inspection.put("inspectionId", PLACEHOLDER);
    citeOnly(inspection, mediaId, sha256);
    inspectionTemplate = write(inspection);
    idOffset = new String(inspectionTemplate, StandardCharsets.ISO_8859_1).indexOf(PLACEHOLDER);
  }

  /** How many octets an inspection has. */
  int inspectionLength() {
    return inspectionTemplate.length;
  }

  private static void citeOnly(JsonNode node, String mediaId, String sha256) {
    if (node instanceof ObjectNode object) {
      if (object.has("mediaId") && object.has("sha256")) {
        object.put("mediaId", mediaId);
        object.put("sha256", sha256);
      }
      object.forEach(child -> citeOnly(child, mediaId, sha256));
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> citeOnly(child, mediaId, sha256));
    }
  }

  /**
   * The contract's full inspection example with the given id.
   *
   * @param sequence a number unique within the run (at most 12 digits)
   * @param run an id of the run, 11 characters of [a-z0-9]
   * @return the body octets (3.7 KB)
   */
  byte[] inspection(String run, long sequence) {
    byte[] body = inspectionTemplate.clone();
    String id = "insp-" + run + "-" + String.format("%012d", sequence);
    byte[] ascii = id.getBytes(StandardCharsets.US_ASCII);
    if (ascii.length != PLACEHOLDER.length()) {
      throw new IllegalArgumentException("run id must be 11 characters: " + run);
    }
    System.arraycopy(ascii, 0, body, idOffset, ascii.length);
    return body;
  }

  /** registerPolicy: a policy covering the given projects (the example's first project, re-numbered). */
  static byte[] policy(String policyId, java.util.List<String> projectIds) {
    ObjectNode body = (ObjectNode) example("registerPolicy/valid-full.json");
    body.put("policyId", policyId);
    ArrayNode projects = (ArrayNode) body.get("projects");
    ObjectNode first = (ObjectNode) projects.get(0);
    projects.removeAll();
    for (String projectId : projectIds) {
      projects.add(first.deepCopy().put("projectId", projectId));
    }
    return write(body);
  }

  /** registerConnector: an insurer with one public key on a rate plan. */
  static byte[] insurer(String connectorId, String publicJwkJson, String ratePlan) {
    ObjectNode body = (ObjectNode) example("registerConnector/valid-insurer-two-keys.json");
    body.put("connectorId", connectorId);
    body.put("role", "INSURER");
    body.put("ratePlan", ratePlan);
    body.remove("subdistrictCodes");
    try {
      body.putObject("jwks").putArray("keys").add(JSON.readTree(publicJwkJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return write(body);
  }

  private static JsonNode example(String name) {
    String resource = "capillary/spec/examples/" + name;
    try (InputStream in = Bodies.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the spec jar has no " + resource);
      }
      return JSON.readTree(in).get("body").deepCopy();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] write(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
