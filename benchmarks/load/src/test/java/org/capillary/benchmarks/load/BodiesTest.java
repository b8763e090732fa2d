package org.capillary.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.validation.ContractValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The bodies the load run sends are valid for the contract, distinct, and cite the given media. */
class BodiesTest {

  private static final ContractValidator VALIDATOR = ContractValidator.create(Contract.load());
  private static final JsonMapper JSON3 = JsonMapper.builder().build();
  private static final String SHA = "ab".repeat(32);

  @Test
  void inspectionsAreValidDistinctAndCiteTheConnectorsPhoto() {
    Bodies bodies = new Bodies("med-photo-1", SHA);
    byte[] first = bodies.inspection("abcdefghijk", 1);
    byte[] second = bodies.inspection("abcdefghijk", 2);
    assertThat(VALIDATOR.validate("submitInspection", JSON3.readTree(first))).isEmpty();
    assertThat(new String(first, StandardCharsets.UTF_8)).contains("\"inspectionId\":\"insp-abcdefghijk-000000000001\"")
        .contains("med-photo-1").doesNotContain("med-insp-0457");
    assertThat(second).isNotEqualTo(first);
    assertThat(bodies.inspectionLength()).isEqualTo(first.length).isGreaterThan(3_000);
  }

  @Test
  void policyAndRegistrationAreValid() {
    assertThat(VALIDATOR.validate("registerPolicy", JSON3.readTree(Bodies.policy("pol-abc-1", java.util.List.of("FT-LOAD-ABC-1", "FT-LOAD-ABC-2"))))).isEmpty();
    byte[] insurer = Bodies.insurer("load-abc-1",
        "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"load-abc-1-es256\",\"alg\":\"ES256\","
            + "\"x\":\"DOeOfpTBIAe1L-XpbCOKHO8Imh-SfsrJW_MeNLkMPuM\",\"y\":\"zd3aWH8TKeK1is6NH2pZ2Mkik9qU_pnHpSiEPotmkkQ\"}",
        "bench");
    assertThat(VALIDATOR.validate("registerConnector", JSON3.readTree(insurer))).isEmpty();
  }
}
