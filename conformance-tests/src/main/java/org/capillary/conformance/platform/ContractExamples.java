package org.capillary.conformance.platform;

import java.util.List;
import org.capillary.conformance.ContractFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract's example payloads ({@code examples/<operationId>/<name>.json}), with their expected outcome. */
public final class ContractExamples {

  /**
   * One example.
   *
   * @param operationId the operation
   * @param name the file name without {@code .json}
   * @param valid whether the contract accepts it
   * @param body the payload (copy it before changing it)
   * @param expect for an invalid one, {@code {status, code, errors: [{pointer, code}]}}
   */
  public record Example(String operationId, String name, boolean valid, JsonNode body, JsonNode expect) {
    @Override
    public String toString() {
      return operationId + "/" + name;
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static volatile List<Example> all;

  private ContractExamples() {}

  /** Every example, sorted by operation and name. */
  public static List<Example> all() {
    List<Example> examples = all;
    if (examples == null) {
      examples = ContractFiles.list("examples").stream().filter(p -> p.endsWith(".json")).map(ContractExamples::read).toList();
      all = examples;
    }
    return examples;
  }

  /** The examples of one operation. */
  public static List<Example> of(String operationId) {
    return all().stream().filter(e -> e.operationId().equals(operationId)).toList();
  }

  /**
   * The first valid example of an operation, as a fresh mutable tree.
   *
   * @param operationId the operation
   * @return the body
   * @throws IllegalStateException if the contract has none
   */
  public static JsonNode firstValid(String operationId) {
    return of(operationId).stream().filter(Example::valid).findFirst()
        .orElseThrow(() -> new IllegalStateException("the contract has no valid example of " + operationId)).body().deepCopy();
  }

  private static Example read(String path) {
    String[] parts = path.split("/");
    JsonNode doc = JSON.readTree(ContractFiles.read(path));
    return new Example(parts[parts.length - 2], parts[parts.length - 1].replace(".json", ""), doc.path("valid").asBoolean(false),
        doc.get("body"), doc.path("expect"));
  }
}
