package org.capillary.conformance.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.capillary.conformance.RequirementsLedger;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.Plan;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The connector plans' shape: discoverable, unique ids, every check citing ledger requirements. */
class ConnectorPlansTest {

  private static final RequirementsLedger LEDGER = RequirementsLedger.load("rules/futian-2025.yaml");

  static Stream<Plan> plans() {
    return Stream.of(new InsurerConnectorPlan(), new DeviceConnectorPlan());
  }

  @Test
  void thePlansAreFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(Plan.class).stream().map(p -> p.get().id()))
        .contains("insurer-connector", "device-connector");
  }

  @ParameterizedTest
  @MethodSource("plans")
  void everyCheckCitesRequirementsOfTheLedger(Plan plan) {
    for (Scenario<?> scenario : plan.scenarios()) {
      for (Check<?> check : scenario.checks()) {
        assertThat(check.requirements()).as(check.name()).isNotEmpty();
        assertThat(LEDGER.ids()).as(check.name()).containsAll(check.requirements());
        assertThat(check.name()).matches("^(Check|Ensure|Validate|Expect)[A-Z][A-Za-z]+$");
        assertThat(check.description()).isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("plans")
  void declaresTheSettingsItReadsAndNamesTheConnector(Plan plan) {
    RunSettings settings = new RunSettings(Clock.systemUTC(), Path.of("."), Duration.ofSeconds(1),
        Map.of(ConnectorScenario.CONNECTOR_ID, "insurer-x"));

    assertThat(plan.requiredSettings()).containsOnlyKeys("connector.id", "connector.jwks", "connector.command");
    assertThat(plan.optionalSettings()).containsKeys("sandbox.retryAfterSeconds", "sandbox.slowAnswerMillis");
    assertThat(plan.targetId(settings)).isEqualTo("insurer-x");
  }

  @Test
  void anInProcessConnectorNeedsNoCommand() {
    assertThat(new InsurerConnectorPlan(s -> (endpoint, instructions, dir) -> ConnectorOutcome.success())
        .requiredSettings()).doesNotContainKey("connector.command");
  }

  @ParameterizedTest
  @MethodSource("plans")
  void scenarioIdsAndCheckNamesAreUnique(Plan plan) {
    List<String> ids = plan.scenarios().stream().map(Scenario::id).toList();
    assertThat(ids).doesNotHaveDuplicates().contains("happy-path", "rate-limited", "service-unavailable",
        "slow-answer", "dropped-connection", "media-before-citation");
    plan.scenarios().forEach(s -> assertThat(s.checks().stream().map(Check::name).toList()).doesNotHaveDuplicates());
  }
}
