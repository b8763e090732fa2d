package org.capillary.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.capillary.spec.SpecFiles;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.contract.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The shared example payloads: every valid one validates, every invalid one fails with exactly
 * the errors it names. Other modules (gateway, SDK, conformance) replay the same files over HTTP.
 */
class ExamplesTest {

  private static Contract contract;
  private static ContractValidator validator;
  private static Set<String> violationCodes;
  private static Set<String> problemCodes;

  @BeforeAll
  static void setUp() {
    contract = Contract.load();
    validator = ContractValidator.create(contract);
    violationCodes = codes("violations");
    problemCodes = codes("problems");
  }

  private static Set<String> codes(String list) {
    Set<String> out = new TreeSet<>();
    SpecFiles.readYaml("problem-codes.yaml").path(list).forEach(p -> out.add(p.path("code").asString()));
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyExampleGetsExactlyItsStatedResult() {
    List<Path> files = SpecFiles.list("examples", ".json");
    assertThat(files).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(
        SpecFiles.root().relativize(file).toString(), () -> check(file)));
  }

  private static void check(Path file) {
    String operationId = file.getParent().getFileName().toString();
    assertThat(contract.operation(operationId)).as("examples/%s names an operation", operationId).isPresent();
    JsonNode example = SpecFiles.readJson(file);
    assertThat(example.has("summary")).as("summary").isTrue();
    assertThat(example.has("body")).as("body").isTrue();
    List<Violation> found = validator.validate(operationId, example.get("body"));
    if (example.path("valid").asBoolean(false)) {
      assertThat(found).as("a valid example must validate").isEmpty();
      assertThat(example.has("expect")).as("valid examples have no expect").isFalse();
      return;
    }
    JsonNode expect = example.path("expect");
    assertThat(problemCodes).as("expect.code is a registered problem code").contains(expect.path("code").asString());
    assertThat(expect.path("code").asString()).isEqualTo("VALIDATION_FAILED");
    assertThat(expect.path("status").asInt()).isEqualTo(422);
    Set<String> expected = new TreeSet<>();
    expect.path("errors").forEach(e -> {
      assertThat(violationCodes).as("registered violation code").contains(e.path("code").asString());
      expected.add(e.path("pointer").asString() + " " + e.path("code").asString());
    });
    assertThat(expected).as("an invalid example names at least one error").isNotEmpty();
    Set<String> actual = new TreeSet<>();
    found.forEach(v -> actual.add(v.pointer() + " " + v.code()));
    assertThat(actual).as("violations (pointer code); details: %s", found).isEqualTo(expected);
  }

  @Test
  void everyOperationWithABodyHasValidAndSeveralInvalidExamples() {
    List<String> lacking = new ArrayList<>();
    for (Operation op : contract.operations().values()) {
      if (!op.hasJsonBody()) {
        continue;
      }
      List<Path> files = SpecFiles.list("examples/" + op.operationId(), ".json");
      long valid = files.stream().filter(f -> SpecFiles.readJson(f).path("valid").asBoolean(false)).count();
      long invalid = files.size() - valid;
      if (valid < 1 || invalid < 3) {
        lacking.add(op.operationId() + " (valid " + valid + ", invalid " + invalid + ")");
      }
    }
    assertThat(lacking).as("operations lacking examples").isEmpty();
  }
}
