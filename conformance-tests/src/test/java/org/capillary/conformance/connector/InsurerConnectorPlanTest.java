package org.capillary.conformance.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The insurer plan passes against a connector built on our SDK and fails, naming the right checks,
 * against deliberately broken connectors.
 */
class InsurerConnectorPlanTest {

  private static final TestKeys KEYS = TestKeys.create("insurer-under-test");

  @TempDir
  Path work;

  private RunSettings settings() {
    return PlanResults.settings(work, KEYS);
  }

  @Test
  void everyScenarioPassesAgainstTheSdk() throws Exception {
    PlanResults results = PlanResults.run(new InsurerConnectorPlan(s -> new SdkConnector(KEYS)), settings());

    assertThat(results.scenarios()).containsExactly("happy-path", "rate-limited", "service-unavailable", "slow-answer",
        "dropped-connection", "media-before-citation");
    assertThat(results.failures()).allSatisfy((scenario, failed) -> assertThat(failed).as(scenario).isEmpty());
    assertThat(results.result("happy-path", "EnsureInstructedRecordsSubmitted").status()).isEqualTo(Status.PASS);
    assertThat(results.result("happy-path", "EnsureMediaUploadedBeforeCited").status()).isEqualTo(Status.PASS);
    assertThat(results.result("rate-limited", "EnsureRetryAfterHonoured").status()).isEqualTo(Status.PASS);
    assertThat(results.result("slow-answer", "EnsureRetryReusesIdempotencyKey").status()).isEqualTo(Status.PASS);
    assertThat(results.result("dropped-connection", "EnsureNothingSubmittedTwice").status()).isEqualTo(Status.PASS);
  }

  @Test
  void aConnectorThatChangesTheKeyOnRetryFails() throws Exception {
    PlanResults results = PlanResults.run(new InsurerConnectorPlan(s -> new KeyChangingConnector(KEYS)), settings(),
        "happy-path", "rate-limited", "slow-answer");

    assertThat(results.failed("happy-path")).isEmpty();
    assertThat(results.failed("rate-limited")).containsExactly("EnsureRetryReusesIdempotencyKey");
    assertThat(results.failed("slow-answer"))
        .containsExactly("EnsureNothingSubmittedTwice", "EnsureRetryReusesIdempotencyKey");
  }

  @Test
  void aConnectorThatIgnoresRetryAfterFails() throws Exception {
    PlanResults results = PlanResults.run(
        new InsurerConnectorPlan(s -> new SdkConnector(KEYS, delay -> { })), settings(), "rate-limited",
        "media-before-citation");

    assertThat(results.failed("rate-limited")).containsExactly("EnsureRetryAfterHonoured");
    assertThat(results.failed("media-before-citation")).containsExactly("EnsureRetryAfterHonoured");
  }

  @Test
  void aConnectorThatSignsOtherBytesThanItSendsFails() throws Exception {
    PlanResults results = PlanResults.run(new InsurerConnectorPlan(
        s -> new WronglySigningConnector(KEYS, WronglySigningConnector.Mistake.OTHER_BYTES)), settings(), "happy-path");

    assertThat(results.failed("happy-path")).containsExactly("CheckEveryRequestSigned", "EnsureConnectorCompletedDespiteFaults",
        "EnsureInstructedRecordsSubmitted");
  }

  @Test
  void aConnectorThatSignsAnotherPathFails() throws Exception {
    PlanResults results = PlanResults.run(new InsurerConnectorPlan(
        s -> new WronglySigningConnector(KEYS, WronglySigningConnector.Mistake.OTHER_PATH)), settings(), "happy-path");

    assertThat(results.failed("happy-path")).containsExactly("EnsureConnectorCompletedDespiteFaults",
        "EnsureInstructedRecordsSubmitted", "EnsureSignatureBindsRequest");
  }

  @Test
  void theTranscriptHoldsEveryExchange() throws Exception {
    PlanResults results = PlanResults.run(new InsurerConnectorPlan(s -> new SdkConnector(KEYS)), settings(), "happy-path");

    assertThat(results.transcript).filteredOn(e -> e.startsWith("exchange")).isNotEmpty()
        .anyMatch(e -> e.contains("\"operationId\":\"submitInspection\"") && e.contains("\"status\":201"));
    assertThat(results.transcript).filteredOn(e -> e.startsWith("observation")).hasSize(2);
  }

}
