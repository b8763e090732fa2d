package org.capillary.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.capillary.spec.SpecFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProblemCodesTest {

  private final JsonNode registry = SpecFiles.readYaml("problem-codes.yaml");

  @Test
  void problemCodesAreUniqueStableAndWellFormed() {
    Set<String> seen = new HashSet<>();
    Set<String> reqs = new HashSet<>();
    registry.path("problems").forEach(p -> {
      String code = p.path("code").asString();
      assertThat(code).matches("^[A-Z][A-Z0-9_]*$");
      assertThat(seen.add(code)).as("duplicate " + code).isTrue();
      assertThat(p.path("status").asInt()).isBetween(400, 599);
      assertThat(p.path("title").asString()).isNotBlank();
      assertThat(reqs.add(p.path("req").asString())).as("requirement id reused: " + p.path("req")).isTrue();
    });
    assertThat(seen).contains("VALIDATION_FAILED", "SIGNATURE_INVALID", "RATE_LIMITED", "IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void everyViolationCodeTheValidatorCanProduceIsRegistered() {
    Set<String> registered = new HashSet<>();
    registry.path("violations").forEach(v -> registered.add(v.path("code").asString()));
    for (String keyword : new String[] {"required", "type", "enum", "const", "pattern", "minLength", "maxLength",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems",
        "uniqueItems", "contains", "additionalProperties", "unevaluatedProperties", "minProperties", "oneOf",
        "anyOf", "not", "false", "somethingElse"}) {
      assertThat(registered).contains(ViolationCodes.forKeyword(keyword));
    }
    for (String format : new String[] {"date-time", "date", "uri", "email", "uuid", "cn-uscc", "cn-resident-id",
        "cn-mobile", "gb28181-id", "cn-subdistrict-code", "sha256-hex", "other"}) {
      assertThat(registered).contains(ViolationCodes.forFormat(format));
    }
  }
}
