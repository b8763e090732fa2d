package org.capillary.conformance.connector.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Status;
import org.capillary.conformance.connector.ConnectorRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each "the sandbox found nothing wrong with X" check: passes on clean requests, fails naming the request with its finding. */
class NoFindingChecksTest {

  static Stream<Arguments> checks() {
    return Stream.of(
        Arguments.of(new CheckEveryRequestSigned(), "SIGNATURE_INVALID"),
        Arguments.of(new CheckEveryRequestSigned(), "SIGNATURE_MISSING"),
        Arguments.of(new EnsureSignatureBindsRequest(), "SIGNATURE_BINDING_MISMATCH"),
        Arguments.of(new EnsureSignatureIssuedNow(), "SIGNATURE_EXPIRED"),
        Arguments.of(new ValidateRequestHeaders(), "IDEMPOTENCY_KEY_MISSING"),
        Arguments.of(new ValidateRequestHeaders(), "CONTENT_DIGEST_MISMATCH"),
        Arguments.of(new ValidateRequestBodiesAgainstSchema(), "VALIDATION_FAILED"),
        Arguments.of(new EnsureRequestsAddressContractOperations(), "NOT_FOUND"));
  }

  @ParameterizedTest
  @MethodSource("checks")
  void passesWhenNoRequestHasTheFinding(Check<ConnectorRun> check, String code) throws Exception {
    ConnectorRun run = new Runs().request().add().request().key("key-2").add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.PASS);
  }

  @ParameterizedTest
  @MethodSource("checks")
  void failsNamingTheRequestWithTheFinding(Check<ConnectorRun> check, String code) throws Exception {
    ConnectorRun run = new Runs().request().add().request().key("key-2").finding(code).answered(401, code).add().run();

    CheckResult result = check.run(run, Runs.NO_TRANSCRIPT);

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.evidence()).singleElement().asString().startsWith("#2 ").contains(code);
  }

  @ParameterizedTest
  @MethodSource("checks")
  void ignoresFindingsOfOtherChecks(Check<ConnectorRun> check, String code) throws Exception {
    String unrelated = check instanceof ValidateRequestBodiesAgainstSchema ? "SIGNATURE_INVALID" : "MALFORMED_JSON";
    ConnectorRun run = new Runs().request().finding(unrelated).add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.PASS);
  }

  @ParameterizedTest
  @MethodSource("checks")
  void failsWhenTheConnectorSentNothing(Check<ConnectorRun> check, String code) throws Exception {
    assertThat(check.run(new Runs().run(), Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.FAIL);
  }
}
