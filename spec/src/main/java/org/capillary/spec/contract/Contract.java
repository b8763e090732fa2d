package org.capillary.spec.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The operations of the Capillary contract, read from {@code capillary/spec/openapi.yaml} on the
 * class path.
 *
 * <p>Immutable and thread-safe; load it once with {@link #load()} and share it. It answers which
 * operation a request is ({@link #match}), and what that operation requires (its roles, request
 * schema, requirement ids), so that every module derives this from the published contract rather
 * than from a hand-kept table.
 */
public final class Contract {

  /** Class-path folder of the published contract. */
  public static final String RESOURCE_ROOT = "capillary/spec/";

  /** The base URI of the contract's schema {@code $id}s. */
  public static final String ID_BASE = "https://capillary.dev/spec/v1/";

  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final String version;
  private final Map<String, Operation> byId;
  private final List<CompiledPath> paths;

  private Contract(String version, Map<String, Operation> byId, List<CompiledPath> paths) {
    this.version = version;
    this.byId = byId;
    this.paths = paths;
  }

  /**
   * Loads the contract from the class path.
   *
   * @return the contract
   * @throws IllegalStateException if {@code openapi.yaml} is missing or not a valid contract
   */
  public static Contract load() {
    try (InputStream in = resource("openapi.yaml")) {
      return parse(new YAMLMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the contract", e);
    }
  }

  /**
   * Opens a file of the published contract.
   *
   * @param relativePath path below the spec root, e.g. {@code schemas/common.json}
   * @return a stream the caller closes
   * @throws IllegalStateException if there is no such file
   */
  public static InputStream resource(String relativePath) {
    InputStream in = Contract.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + relativePath);
    if (in == null) {
      throw new IllegalStateException("not in the contract: " + relativePath);
    }
    return in;
  }

  static Contract parse(JsonNode root) {
    Map<String, Operation> byId = new LinkedHashMap<>();
    List<CompiledPath> compiled = new ArrayList<>();
    JsonNode pathsNode = root.path("paths");
    for (String template : pathsNode.propertyNames()) {
      JsonNode item = pathsNode.get(template);
      Map<String, Operation> byMethod = new LinkedHashMap<>();
      for (String m : METHODS) {
        JsonNode op = item.get(m);
        if (op == null) {
          continue;
        }
        Operation operation = toOperation(template, m.toUpperCase(java.util.Locale.ROOT), op);
        if (byId.put(operation.operationId(), operation) != null) {
          throw new IllegalStateException("duplicate operationId " + operation.operationId());
        }
        byMethod.put(operation.method(), operation);
      }
      compiled.add(CompiledPath.of(template, byMethod));
    }
    // Literal segments win over parameters: /v1/alerts/batch before /v1/alerts/{id}.
    compiled.sort(Comparator.comparingInt(CompiledPath::literalSegments).reversed());
    return new Contract(root.path("info").path("version").asString(""), Map.copyOf(byId), List.copyOf(compiled));
  }

  private static Operation toOperation(String template, String method, JsonNode op) {
    String operationId = op.path("operationId").asString(null);
    if (operationId == null) {
      throw new IllegalStateException(method + " " + template + " has no operationId");
    }
    String schema = null;
    List<String> types = new ArrayList<>();
    JsonNode content = op.path("requestBody").path("content");
    for (String mediaType : content.propertyNames()) {
      types.add(mediaType);
      String ref = content.get(mediaType).path("schema").path("$ref").asString(null);
      if (ref != null && ref.startsWith("./")) {
        schema = ref.substring(2);
      }
    }
    return new Operation(
        operationId,
        method,
        template,
        strings(op.path("x-roles")),
        strings(op.path("x-req")),
        schema,
        types,
        op.path("x-subject").asString(null));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  /** The contract's semantic version ({@code info.version}). */
  public String version() {
    return version;
  }

  /** Every operation, keyed by operation id. */
  public Map<String, Operation> operations() {
    return byId;
  }

  /**
   * Looks an operation up by id.
   *
   * @param operationId the operation id
   * @return the operation, or empty if the contract has none of that id
   */
  public Optional<Operation> operation(String operationId) {
    return Optional.ofNullable(byId.get(operationId));
  }

  /**
   * Finds the operation a request addresses.
   *
   * @param method the HTTP method
   * @param rawPath the request path as sent (percent-encoded, without query)
   * @return the match, or empty if no operation has that method and path
   */
  public Optional<OperationMatch> match(String method, String rawPath) {
    for (CompiledPath p : paths) {
      Matcher m = p.pattern.matcher(rawPath);
      if (m.matches()) {
        Operation op = p.byMethod.get(method);
        if (op == null) {
          return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < p.names.size(); i++) {
          values.put(p.names.get(i), URLDecoder.decode(m.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return Optional.of(new OperationMatch(op, values));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether some operation has this path, whatever its method (so a wrong method is 405, not 404).
   *
   * @param rawPath the request path as sent
   * @return true if the path is the contract's
   */
  public boolean hasPath(String rawPath) {
    return paths.stream().anyMatch(p -> p.pattern.matcher(rawPath).matches());
  }

  private record CompiledPath(Pattern pattern, List<String> names, int literalSegments, Map<String, Operation> byMethod) {
    static CompiledPath of(String template, Map<String, Operation> byMethod) {
      StringBuilder regex = new StringBuilder();
      List<String> names = new ArrayList<>();
      Matcher m = PARAM.matcher(template);
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
        names.add(m.group(1));
        last = m.end();
      }
      regex.append(Pattern.quote(template.substring(last)));
      int literals = (int) java.util.Arrays.stream(template.split("/")).filter(s -> !s.isEmpty() && !s.startsWith("{")).count();
      return new CompiledPath(Pattern.compile(regex.toString()), List.copyOf(names), literals, Map.copyOf(byMethod));
    }
  }
}
