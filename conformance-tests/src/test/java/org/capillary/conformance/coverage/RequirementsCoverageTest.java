package org.capillary.conformance.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.capillary.conformance.RequirementsLedger;
import org.capillary.conformance.run.PlanCatalog;
import org.capillary.conformance.support.FakePlans;
import org.junit.jupiter.api.Test;

class RequirementsCoverageTest {

  private final RequirementsLedger ledger = RequirementsLedger.load(RequirementsCoverage.RULE_PROFILE);

  /** The build gate: every id of the ledger is covered by a check or has a reason; every citation is known. */
  @Test
  void everyRequirementIsCoveredOrExplained() {
    CoverageReport report = RequirementsCoverage.compute(PlanCatalog.load().plans(), ledger, NotTestedReasons.load());
    assertThat(report.unexplained()).as(report.toText()).isEmpty();
    assertThat(report.unknownCitations()).as(report.toText()).isEmpty();
    assertThat(report.staleReasons()).as(report.toText()).isEmpty();
    assertThat(report.covered()).containsKeys("CAP-SIG-07", "CAP-SIG-09", "CAP-IDM-02", "CAP-RL-01", "CAP-MED-11");
  }

  @Test
  void findsUnexplainedUnknownAndStaleIds() {
    var plan = FakePlans.plan(FakePlans.pass("A"));
    CoverageReport report = RequirementsCoverage.compute(List.of(plan), ledger, Map.of("CAP-SIG-07", "stale", "CAP-NOPE-01", "gone"));
    assertThat(report.covered()).containsOnlyKeys("CAP-SIG-07");
    assertThat(report.unexplained()).contains("CAP-SIG-01").doesNotContain("CAP-SIG-07");
    assertThat(report.staleReasons()).containsExactly("CAP-NOPE-01", "CAP-SIG-07");
    assertThat(report.consistent()).isFalse();
  }

  @Test
  void aCitationOutsideTheLedgerIsReported() {
    var plan = new FakePlans.ScriptedPlan("p", List.of(new FakePlans.ScriptedScenario("s", false, List.of(
        new org.capillary.conformance.plan.Check<String>() {
          @Override
          public String name() {
            return "CheckSomething";
          }

          @Override
          public String description() {
            return "d";
          }

          @Override
          public java.util.Set<String> requirements() {
            return java.util.Set.of("CAP-XXX-99");
          }

          @Override
          public org.capillary.conformance.plan.CheckResult run(String c, org.capillary.conformance.plan.Transcript t) {
            return org.capillary.conformance.plan.CheckResult.pass("x");
          }
        }))));
    CoverageReport report = RequirementsCoverage.compute(List.of(plan), ledger, Map.of());
    assertThat(report.unknownCitations()).containsEntry("p/s/CheckSomething", java.util.Set.of("CAP-XXX-99"));
  }

  @Test
  void malformedReasonFilesAreRefused() {
    assertThat(NotTestedReasons.parse("# c\nid,reason\nCAP-A-01, why, with commas\n")).containsEntry("CAP-A-01", "why, with commas");
    assertThatThrownBy(() -> NotTestedReasons.parse("id,reason\nCAP-A-01,\n")).hasMessageContaining("CAP-A-01 has no reason");
    assertThatThrownBy(() -> NotTestedReasons.parse("id,reason\nCAP-A-01,x\nCAP-A-01,y\n")).hasMessageContaining("listed twice");
    assertThatThrownBy(() -> NotTestedReasons.parse("ids\n")).hasMessageContaining("header");
  }
}
