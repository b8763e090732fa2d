package org.capillary.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.capillary.spec.SpecFiles;
import org.capillary.spec.contract.Contract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ContractValidatorTest {

  private static final ContractValidator VALIDATOR = ContractValidator.create(Contract.load());

  private static ObjectNode validPolicy() {
    JsonNode example = SpecFiles.readJson(SpecFiles.root().resolve("examples/registerPolicy/valid-minimal.json"));
    return (ObjectNode) example.get("body").deepCopy();
  }

  @Test
  void acceptsAValidBody() {
    assertThat(VALIDATOR.validate("registerPolicy", validPolicy())).isEmpty();
  }

  @Test
  void assertsCheckDigitsOfIdentifierFormats() {
    ObjectNode body = validPolicy();
    ((ObjectNode) body.get("insurer")).put("uscc", "91350100M0001TGQXM");
    List<Violation> violations = VALIDATOR.validate("registerPolicy", body);
    assertThat(violations).extracting(Violation::pointer, Violation::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/insurer/uscc", "INVALID_USCC"));
  }

  @Test
  void reportsEveryViolationNotOnlyTheFirst() {
    ObjectNode body = validPolicy();
    body.remove("policyNo");
    body.put("unexpected", true);
    assertThat(VALIDATOR.validate("registerPolicy", body)).extracting(Violation::pointer, Violation::code)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("/policyNo", "REQUIRED"),
            org.assertj.core.groups.Tuple.tuple("/unexpected", "UNKNOWN_PROPERTY"));
  }

  @Test
  void escapesPointerTokens() {
    ObjectNode body = validPolicy();
    body.put("a/b~c", 1);
    assertThat(VALIDATOR.validate("registerPolicy", body)).extracting(Violation::pointer).containsExactly("/a~1b~0c");
  }

  @Test
  void refusesOperationsWithoutAJsonBody() {
    assertThatThrownBy(() -> VALIDATOR.validate("appendUploadChunk", validPolicy()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VALIDATOR.validate("noSuchOperation", validPolicy()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void preloadCompilesEveryOperationSchema() {
    VALIDATOR.preload();
  }
}
