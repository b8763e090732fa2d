package org.capillary.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capillary.spec.contract.Contract;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What {@link Contract} does not model of {@code openapi.yaml}: each operation's header parameters
 * and its responses (status, media types, schema files, headers), with {@code #/components/...}
 * references resolved. Immutable; load once with {@link #load()}.
 */
public final class ContractDocument {

  /**
   * A header parameter of an operation.
   *
   * @param name the header name
   * @param required whether the operation requires it
   * @param fixedValue the only value its schema allows ({@code enum} of one), or {@code null}
   */
  public record HeaderParameter(String name, boolean required, @Nullable String fixedValue) {}

  /**
   * A declared response.
   *
   * @param status the status, e.g. {@code 201}
   * @param schemas the schema file by media type ({@code null} when inline or none)
   * @param headers the header names it declares
   */
  public record Response(String status, Map<String, @Nullable String> schemas, List<String> headers) {}

  private final JsonNode root;
  private final Map<String, JsonNode> operations = new LinkedHashMap<>();

  private ContractDocument(JsonNode root) {
    this.root = root;
    JsonNode paths = root.path("paths");
    for (String path : paths.propertyNames()) {
      JsonNode item = paths.get(path);
      for (String method : item.propertyNames()) {
        JsonNode op = item.get(method);
        if (op.isObject() && op.has("operationId")) {
          operations.put(op.get("operationId").asString(), op);
        }
      }
    }
  }

  /** Reads the contract on the class path. */
  public static ContractDocument load() {
    try (InputStream in = Contract.resource("openapi.yaml")) {
      return new ContractDocument(new YAMLMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The header parameters of an operation.
   *
   * @param operationId the operation
   * @return its header parameters, in declaration order; empty if unknown
   */
  public List<HeaderParameter> headerParameters(String operationId) {
    List<HeaderParameter> headers = new ArrayList<>();
    JsonNode op = operations.get(operationId);
    if (op == null) {
      return headers;
    }
    for (JsonNode p : op.path("parameters")) {
      JsonNode param = resolve(p);
      if ("header".equals(param.path("in").asString(""))) {
        JsonNode values = param.path("schema").path("enum");
        String fixed = values.isArray() && values.size() == 1 ? values.get(0).asString() : null;
        headers.add(new HeaderParameter(param.path("name").asString(), param.path("required").asBoolean(false), fixed));
      }
    }
    return headers;
  }

  /**
   * A declared response of an operation.
   *
   * @param operationId the operation
   * @param status the status
   * @return the response, if declared
   */
  public Optional<Response> response(String operationId, int status) {
    JsonNode op = operations.get(operationId);
    if (op == null) {
      return Optional.empty();
    }
    JsonNode node = op.path("responses").get(Integer.toString(status));
    if (node == null) {
      return Optional.empty();
    }
    JsonNode response = resolve(node);
    Map<String, @Nullable String> schemas = new LinkedHashMap<>();
    JsonNode content = response.path("content");
    for (String type : content.propertyNames()) {
      String ref = content.get(type).path("schema").path("$ref").asString(null);
      schemas.put(type, ref != null && ref.startsWith("./") && !ref.contains("#") ? ref.substring(2) : null);
    }
    List<String> headers = new ArrayList<>(response.path("headers").propertyNames());
    return Optional.of(new Response(Integer.toString(status), schemas, headers));
  }

  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asString(null);
    if (ref == null || !ref.startsWith("#/")) {
      return node;
    }
    JsonNode target = root;
    for (String token : ref.substring(2).split("/")) {
      target = target.path(token.replace("~1", "/").replace("~0", "~"));
    }
    return resolve(target);
  }
}
