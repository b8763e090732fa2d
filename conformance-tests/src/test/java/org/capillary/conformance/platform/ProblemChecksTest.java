package org.capillary.conformance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.capillary.conformance.plan.Status;
import org.capillary.conformance.run.HashChainedTranscript;
import org.junit.jupiter.api.Test;

class ProblemChecksTest {

  private final HashChainedTranscript transcript = new HashChainedTranscript();
  private final ProblemCase malformed = new ProblemCase("malformed-json", 400, "MALFORMED_JSON", s -> null);

  @Test
  void expectProblemCodeRejectedIsNamedAfterItsCaseAndCitesTheCodesRequirement() throws Exception {
    ExpectProblemCodeRejected check = new ExpectProblemCodeRejected(malformed);
    assertThat(check.name()).isEqualTo("ExpectMalformedJsonRejected");
    assertThat(check.requirements()).containsExactly("CAP-GRD-03");
    assertThat(check.run(new ProblemRun(Map.of("malformed-json", Exchanges.problem("m", 400, "MALFORMED_JSON"))), transcript)
        .status()).isEqualTo(Status.PASS);
    var wrong = check.run(new ProblemRun(Map.of("malformed-json", Exchanges.problem("m", 422, "VALIDATION_FAILED"))), transcript);
    assertThat(wrong.status()).isEqualTo(Status.FAIL);
    assertThat(wrong.summary()).isEqualTo("expected 400 MALFORMED_JSON, got 422 VALIDATION_FAILED");
    assertThat(check.run(new ProblemRun(Map.of()), transcript).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void wellFormedProblemDocumentsPass() throws Exception {
    var check = new EnsureProblemDocumentsWellFormed(java.util.Set.of("CAP-GRD-03"));
    assertThat(check.run(new ProblemRun(Map.of("a", Exchanges.problem("a", 400, "MALFORMED_JSON"))), transcript).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void defectiveProblemDocumentsFailWithEachDefect() throws Exception {
    var check = new EnsureProblemDocumentsWellFormed(java.util.Set.of("CAP-GRD-03"));
    Exchange plainJson = Exchanges.of("plain", 400, "{}", "Content-Type", "application/json");
    Exchange wrongStatus = Exchanges.of("status", 401, "{\"type\":\"https://capillary.dev/problems/malformed-json\",\"title\":\"t\","
        + "\"status\":400,\"code\":\"MALFORMED_JSON\",\"requestId\":\"other\"}", "Content-Type", "application/problem+json");
    var result = check.run(new ProblemRun(Map.of("plain", plainJson, "status", wrongStatus)), transcript);
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.evidence()).anyMatch(e -> e.contains("not application/problem+json"))
        .anyMatch(e -> e.contains("MALFORMED_JSON is registered with status 400"))
        .anyMatch(e -> e.contains("X-Request-Id req-1 not echoed"))
        .anyMatch(e -> e.contains("requestId other is not the request's req-1"));
  }

  @Test
  void unauthorizedAnswersMustNameTheScheme() throws Exception {
    var check = new ExpectWwwAuthenticateOnUnauthorized();
    Exchange named = Exchanges.of("a", 401, "{}", "WWW-Authenticate", "Capillary-Signature");
    Exchange bare = Exchanges.of("b", 401, "{}");
    assertThat(check.run(new ProblemRun(Map.of("a", named)), transcript).status()).isEqualTo(Status.PASS);
    assertThat(check.run(new ProblemRun(Map.of("a", named, "b", bare)), transcript).status()).isEqualTo(Status.FAIL);
    assertThat(check.run(new ProblemRun(Map.of()), transcript).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void signatureProblemsMustCarryTheDebuggingAid() throws Exception {
    var check = new ExpectSignatureDebuggingAid();
    String input = "eyJh.e30";
    String aided = "{\"code\":\"SIGNATURE_EXPIRED\",\"signingInput\":\"" + input + "\",\"signingInputSha256\":\""
        + PlatformClient.sha256Hex(input.getBytes()) + "\",\"contentDigest\":\"sha-256=:x=:\",\"serverTime\":1}";
    assertThat(check.run(new ProblemRun(Map.of("s", Exchanges.of("s", 401, aided))), transcript).status()).isEqualTo(Status.PASS);
    String lying = aided.replace(input + "\"", "other\"");
    var result = check.run(new ProblemRun(Map.of("s", Exchanges.of("s", 401, lying))), transcript);
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.evidence()).singleElement().asString().contains("signingInput does not hash to signingInputSha256");
  }

  @Test
  void aReplayMustBeRefused() throws Exception {
    var check = new ExpectReplayedSignatureRejected();
    Exchange first = Exchanges.of("first", 201, "{}");
    assertThat(check.run(new ProblemRun(Map.of("first", first, "replayed", Exchanges.problem("r", 403, "SIGNATURE_REPLAYED"))),
        transcript).status()).isEqualTo(Status.PASS);
    assertThat(check.run(new ProblemRun(Map.of("first", first, "replayed", Exchanges.of("r", 201, "{}"))), transcript).status())
        .isEqualTo(Status.FAIL);
  }
}
