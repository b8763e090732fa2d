package org.capillary.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Status;
import org.capillary.conformance.run.CheckOutcome;
import org.capillary.conformance.run.PlanRunner;
import org.capillary.conformance.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class PactPlanTest {

  private static final Path PACTS = Path.of("src/test/resources/pacts");

  @TempDir
  Path work;

  private RunResult check(String file) {
    return new PlanRunner().run(new PactPlan(), new RunSettings(Clock.systemUTC(), work, Duration.ofSeconds(5),
        Map.of(PactPlan.PACT_FILE, PACTS.resolve(file).toString())));
  }

  @ParameterizedTest
  @CsvSource({"sdk-java-conformant.json", "sdk-java-conformant-v4.json"})
  void theSdksPactWithTheContractsObligationFieldsPasses(String file) {
    RunResult r = check(file);
    assertThat(r.outcomes()).as(r.outcomes().toString()).allMatch(o -> o.status() == Status.PASS);
    assertThat(r.outcomes().get(0).result().summary()).isEqualTo("31 interactions match operations");
  }

  /** The SDK's pact as its consumer tests write it (sdk-java/target/pacts, copied here) conforms to the contract. */
  @Test
  void theSdksPactAsRecordedPasses() {
    RunResult r = check("sdk-java.json");
    assertThat(r.outcomes()).as(r.outcomes().toString()).allMatch(o -> o.status() == Status.PASS);
  }

  @ParameterizedTest(name = "{0} fails {1}")
  @CsvSource({
      "broken-unknown-operation.json, EnsureInteractionsMatchOperations, POST /v1/policy-registrations -> 201) is no operation",
      "broken-request-body.json, ValidatePactRequestBodies, /policyId REQUIRED",
      "broken-response-body.json, ValidatePactResponseBodies, schemas/SubmissionReceipt.json /receipt REQUIRED",
      "broken-missing-header.json, EnsureRequiredHeadersPresent, no Idempotency-Key",
      "broken-undeclared-status.json, ValidatePactResponseBodies, registerPolicy declares no response 418"})
  void aBrokenPactFailsTheRightCheck(String file, String check, String evidence) {
    RunResult r = check(file);
    assertThat(r.outcomes()).filteredOn(CheckOutcome::failed).singleElement().satisfies(o -> {
      assertThat(o.check()).isEqualTo(check);
      assertThat(o.result().evidence()).singleElement().asString().contains(evidence);
    });
    assertThat(r.mandatoryPassed()).isFalse();
  }

  @Test
  void readsVersionFourAndSkipsMessageInteractions() {
    PactFile v4 = PactFile.read(PACTS.resolve("sdk-java-conformant-v4.json"));
    assertThat(v4.specification()).isEqualTo("4.0");
    assertThat(v4.interactions()).hasSize(31);
    assertThat(v4.skipped()).containsExactly("a message interaction (Asynchronous/Messages)");
  }

  @Test
  void refusesWhatIsNotAPactFile() {
    assertThatThrownBy(() -> PactFile.parse(JsonMapper.builder().build().readTree("{\"interactions\":[]}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Pact v3 or v4 file");
  }
}
