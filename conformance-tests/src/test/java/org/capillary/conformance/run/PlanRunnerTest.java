package org.capillary.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Status;
import org.capillary.conformance.support.FakePlans;
import org.capillary.conformance.support.FakePlans.Scripted;
import org.capillary.conformance.support.FakePlans.ScriptedPlan;
import org.capillary.conformance.support.FakePlans.ScriptedScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanRunnerTest {

  @TempDir
  Path work;

  private final PlanRunner runner = new PlanRunner();

  @Test
  void runsEveryCheckAndRecordsItsResult() {
    RunResult r = runner.run(FakePlans.plan(FakePlans.pass("A"), FakePlans.fail("B", true)), FakePlans.settings(work));
    assertThat(r.outcomes()).extracting(CheckOutcome::check, CheckOutcome::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("A", Status.PASS), org.assertj.core.groups.Tuple.tuple("B", Status.FAIL));
    assertThat(r.mandatoryPassed()).isFalse();
    assertThat(r.transcript().entries()).extracting(TranscriptEntry::kind)
        .containsExactly("run", "scenario", "observation", "check", "observation", "check", "run-end");
    assertThat(TranscriptVerifier.verify(r.transcript().toJson())).isInstanceOf(TranscriptVerifier.Intact.class);
  }

  @Test
  void aThrowingCheckIsAnErrorAndTheRunGoesOn() {
    RunResult r = runner.run(FakePlans.plan(new Scripted("T", true, CheckResult.pass("x"), true), FakePlans.pass("A")),
        FakePlans.settings(work));
    assertThat(r.outcomes().get(0).status()).isEqualTo(Status.ERROR);
    assertThat(r.outcomes().get(0).result().summary()).isEqualTo("the check threw IllegalStateException: boom in T");
    assertThat(r.outcomes().get(1).status()).isEqualTo(Status.PASS);
  }

  @Test
  void aFailedSetUpErrsEveryCheckOfTheScenarioAndStillTearsDown() {
    ScriptedScenario broken = new ScriptedScenario("broken", true, List.of(FakePlans.pass("A"), FakePlans.pass("B")));
    ScriptedScenario fine = new ScriptedScenario("fine", false, List.of(FakePlans.pass("C")));
    RunResult r = runner.run(new ScriptedPlan("p", List.of(broken, fine)), FakePlans.settings(work));
    assertThat(r.outcomes()).extracting(CheckOutcome::status).containsExactly(Status.ERROR, Status.ERROR, Status.PASS);
    assertThat(r.outcomes().get(0).result().summary()).contains("cannot reach the target");
    assertThat(broken.events).containsExactly("setUp", "tearDown null");
    assertThat(fine.events).containsExactly("setUp", "tearDown context of fine");
  }

  @Test
  void aDeselectedOptionalCheckIsNotRunButReported() {
    var plan = FakePlans.plan(FakePlans.pass("A"), FakePlans.fail("Optional", false));
    RunResult r = runner.run(plan, FakePlans.settings(work), CheckSelection.without(plan, Set.of("Optional")));
    assertThat(r.outcomes().get(1).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(r.outcomes().get(1).result().summary()).startsWith("deselected");
    assertThat(r.mandatoryPassed()).isTrue();
  }

  @Test
  void aMandatoryCheckCannotBeDeselected() {
    var plan = FakePlans.plan(FakePlans.pass("A"));
    assertThatThrownBy(() -> CheckSelection.without(plan, Set.of("A")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("mandatory check A cannot be deselected");
    assertThatThrownBy(() -> CheckSelection.without(plan, Set.of("Nope")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("plan fake has no check Nope");
  }

  @Test
  void onlyAnOptionalFailureStillPassesTheMandatoryChecks() {
    RunResult r = runner.run(FakePlans.plan(FakePlans.pass("A"), FakePlans.fail("O", false)), FakePlans.settings(work));
    assertThat(r.mandatoryPassed()).isTrue();
    assertThat(r.counts()).containsEntry(Status.PASS, 1).containsEntry(Status.FAIL, 1);
  }
}
