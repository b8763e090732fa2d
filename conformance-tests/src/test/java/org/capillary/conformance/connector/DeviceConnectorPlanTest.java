package org.capillary.conformance.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.capillary.conformance.plan.Plan;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device plan passes against a connector built on our SDK and fails, naming the right checks,
 * against deliberately broken connectors.
 */
class DeviceConnectorPlanTest {

  private static final TestKeys KEYS = TestKeys.create("device-under-test");

  @TempDir
  Path work;

  private RunSettings settings() {
    return PlanResults.settings(work, KEYS);
  }

  @Test
  void everyScenarioPassesAgainstTheSdk() throws Exception {
    Plan plan = new DeviceConnectorPlan(s -> new SdkConnector(KEYS));
    PlanResults results = PlanResults.run(plan, settings());

    assertThat(results.scenarios()).containsExactly("happy-path", "rate-limited", "service-unavailable", "slow-answer",
        "dropped-connection", "alert-dedup", "media-before-citation");
    assertThat(results.failures()).allSatisfy((scenario, failed) -> assertThat(failed).as(scenario).isEmpty());
    assertThat(results.result("alert-dedup", "EnsureNothingSubmittedTwice").status()).isEqualTo(Status.PASS);
    assertThat(results.result("alert-dedup", "EnsureAlertIdentityUnique").status()).isEqualTo(Status.PASS);
    assertThat(results.result("service-unavailable", "EnsureRetryAfterHonoured").status()).isEqualTo(Status.PASS);
  }

  @Test
  void aConnectorThatChangesTheKeyOnRetryFails() throws Exception {
    PlanResults results = PlanResults.run(new DeviceConnectorPlan(s -> new KeyChangingConnector(KEYS)), settings(),
        "alert-dedup");

    assertThat(results.failed("alert-dedup"))
        .containsExactly("EnsureNothingSubmittedTwice", "EnsureRetryReusesIdempotencyKey");
  }

  @Test
  void aConnectorThatIgnoresRetryAfterFails() throws Exception {
    PlanResults results = PlanResults.run(new DeviceConnectorPlan(s -> new SdkConnector(KEYS, delay -> { })),
        settings(), "rate-limited", "service-unavailable");

    assertThat(results.failed("rate-limited")).containsExactly("EnsureRetryAfterHonoured");
    assertThat(results.failed("service-unavailable")).containsExactly("EnsureRetryAfterHonoured");
  }
}
