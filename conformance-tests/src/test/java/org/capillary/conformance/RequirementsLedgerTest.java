package org.capillary.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequirementsLedgerTest {

  private final RequirementsLedger ledger = RequirementsLedger.load("rules/futian-2025.yaml");

  @Test
  void collectsOperationProblemAndRuleRequirements() {
    assertThat(ledger.ids()).contains("CAP-INS-04", "CAP-SIG-07", "R-20", "R-22");
    assertThat(ledger.sourcesOf("CAP-INS-04")).contains("operation submitInspection");
    assertThat(ledger.sourcesOf("R-20")).contains("rule profile rules/futian-2025.yaml", "operation submitInspection");
  }

  @Test
  void everyIdHasAWellFormedName() {
    assertThat(ledger.ids()).allMatch(id -> id.matches("^(CAP-[A-Z]{2,4}-[0-9]{2}|R-[0-9]{2})$"));
  }

  @Test
  void everyRuleCitedByAnOperationExistsInTheProfile() {
    ledger.ids().stream().filter(id -> id.startsWith("R-")).forEach(id ->
        assertThat(ledger.sourcesOf(id)).as(id).anyMatch(s -> s.startsWith("rule profile")));
  }

  @Test
  void includesTheSigningProfilesRequirementIndex() {
    assertThat(ledger.ids()).contains("CAP-SIG-11", "CAP-SIG-17", "CAP-SIG-20");
    assertThat(ledger.sourcesOf("CAP-SIG-19")).containsExactly("signing profile SIGNING.md");
  }
}
