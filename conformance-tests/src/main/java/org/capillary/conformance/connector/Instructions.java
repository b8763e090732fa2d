package org.capillary.conformance.connector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.contract.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * What a connector under test is told to do: upload these media files, then submit these records
 * in this order. A record cites an instructed media item with the placeholder
 * {@code "$media:<ref>"} as its {@code mediaId} (the {@code sha256} beside it is the file's real
 * digest); the connector uploads the file first and puts the id the platform assigned in its
 * place. The file format is described in {@code conformance-tests/README-connectors.md}.
 *
 * @param connectorId the connector's registered id
 * @param media the files to upload, in order
 * @param records the records to submit, in order
 */
public record Instructions(String connectorId, List<Media> media, List<Record> records) {

  /** The prefix of a media placeholder in a record body. */
  public static final String MEDIA_PLACEHOLDER = "$media:";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Validates and copies. */
  public Instructions {
    Objects.requireNonNull(connectorId, "connectorId");
    media = List.copyOf(media);
    records = List.copyOf(records);
  }

  /**
   * A media file to upload before the records that cite it.
   *
   * @param ref the name records use in {@code $media:<ref>}
   * @param file the file (absolute)
   * @param kind the media kind to declare ({@code PHOTO}, {@code VIDEO}, {@code DOCUMENT}, ...)
   * @param contentType the content type to declare
   * @param length its length in octets
   * @param sha256 its SHA-256, 64 lower-case hex digits
   */
  public record Media(String ref, Path file, String kind, String contentType, long length, String sha256) {
  }

  /**
   * A record to submit.
   *
   * @param ref a name for reports
   * @param operationId the contract operation
   * @param pathParameters the values of the operation's path parameters
   * @param body the request body, with media placeholders
   */
  public record Record(String ref, String operationId, Map<String, String> pathParameters, JsonNode body) {
    /** Copies. */
    public Record {
      pathParameters = Map.copyOf(pathParameters);
    }

    /**
     * The request target: the operation's path with the parameters percent-encoded.
     *
     * @param contract the contract
     * @return e.g. {@code /v1/projects/FT-2026-000123/inspections}
     */
    public String path(Contract contract) {
      Operation op = contract.operation(operationId)
          .orElseThrow(() -> new IllegalArgumentException("unknown operation " + operationId));
      String path = op.pathTemplate();
      for (Map.Entry<String, String> p : pathParameters.entrySet()) {
        path = path.replace("{" + p.getKey() + "}", PathSegments.encode(p.getValue()));
      }
      return path;
    }

    /**
     * The body with every media placeholder replaced.
     *
     * @param mediaIds the id the platform assigned, by media ref
     * @return a copy of the body
     * @throws IllegalArgumentException if a placeholder names a ref without an id
     */
    public JsonNode bodyWith(Map<String, String> mediaIds) {
      return replace(body, ref -> {
        String id = mediaIds.get(ref);
        if (id == null) {
          throw new IllegalArgumentException("no media uploaded for " + ref);
        }
        return id;
      });
    }
  }

  /** Replaces every {@code $media:<ref>} string of a tree. */
  static JsonNode replace(JsonNode node, Function<String, String> byRef) {
    if (node.isString() && node.asString().startsWith(MEDIA_PLACEHOLDER)) {
      return StringNode.valueOf(byRef.apply(node.asString().substring(MEDIA_PLACEHOLDER.length())));
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      node.properties().forEach(e -> copy.set(e.getKey(), replace(e.getValue(), byRef)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(n -> copy.add(replace(n, byRef)));
      return copy;
    }
    return node;
  }

  /**
   * The instructions file: JSON, as documented in README-connectors.md.
   *
   * @param contract the contract (to write each record's method and path)
   * @return the document
   */
  public JsonNode toJson(Contract contract) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    root.put("connectorId", connectorId);
    ArrayNode m = root.putArray("media");
    for (Media x : media) {
      ObjectNode n = m.addObject();
      n.put("ref", x.ref());
      n.put("file", x.file().toAbsolutePath().toString());
      n.put("kind", x.kind());
      n.put("contentType", x.contentType());
      n.put("length", x.length());
      n.put("sha256", x.sha256());
    }
    ArrayNode r = root.putArray("records");
    for (Record x : records) {
      ObjectNode n = r.addObject();
      n.put("ref", x.ref());
      n.put("operationId", x.operationId());
      n.put("method", contract.operation(x.operationId()).orElseThrow().method());
      n.put("path", x.path(contract));
      ObjectNode params = n.putObject("pathParameters");
      x.pathParameters().forEach(params::put);
      n.put("contentType", contract.operation(x.operationId()).orElseThrow().requestContentTypes().get(0));
      n.set("body", x.body());
    }
    return root;
  }

  /**
   * Writes the instructions file.
   *
   * @param file where
   * @param contract the contract
   * @throws IOException if it cannot be written
   */
  public void write(Path file, Contract contract) throws IOException {
    Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(contract)));
  }

  /**
   * Reads an instructions file (for connectors written in Java, and for tests).
   *
   * @param file the file
   * @return the instructions
   * @throws IOException if it cannot be read
   */
  public static Instructions read(Path file) throws IOException {
    JsonNode root = JSON.readTree(Files.readAllBytes(file));
    List<Media> media = new ArrayList<>();
    root.path("media").forEach(n -> media.add(new Media(n.path("ref").asString(), Path.of(n.path("file").asString()),
        n.path("kind").asString(), n.path("contentType").asString(), n.path("length").asLong(), n.path("sha256").asString())));
    List<Record> records = new ArrayList<>();
    root.path("records").forEach(n -> {
      Map<String, String> params = new LinkedHashMap<>();
      n.path("pathParameters").properties().forEach(e -> params.put(e.getKey(), e.getValue().asString()));
      records.add(new Record(n.path("ref").asString(), n.path("operationId").asString(), params, n.path("body")));
    });
    return new Instructions(root.path("connectorId").asString(), media, records);
  }
}
