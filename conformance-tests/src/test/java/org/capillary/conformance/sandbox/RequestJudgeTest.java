package org.capillary.conformance.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.validation.ContractValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class RequestJudgeTest {

  private static final Contract CONTRACT = Contract.load();
  private static final ContractValidator VALIDATOR = ContractValidator.create(CONTRACT);

  private static RequestJudge judgeAt(long epochSecond) {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    return new RequestJudge(CONTRACT, VALIDATOR,
        new RequestSignatureVerifier(SigningVectors.activeKeys(), clock, Duration.ofSeconds(300)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"invalid-idempotency-key-header-missing", "invalid-content-digest-header-mismatch"})
  void guardFailuresComeBeforeTheSignature(String id) {
    JsonNode vector = SigningVectors.read("cases/" + id + ".json");
    JsonNode request = vector.path("request");

    RequestJudge.Judgement j = judgeAt(vector.path("verifyAt").asLong()).judge(request.path("method").asString(),
        request.path("path").asString(), SigningVectors.headers(request), SigningVectors.body(request));

    assertThat(j.findings()).extracting(Finding::code).containsExactly(vector.path("expect").path("code").asString());
  }

  @Test
  void aValidSignatureOverABodyThatBreaksTheSchemaIsValidationFailed() {
    // The worked example's body predates the current Inspection schema: signed right, invalid record.
    JsonNode vector = SigningVectors.read("cases/valid-eddsa-post-inspection.json");
    JsonNode request = vector.path("request");

    RequestJudge.Judgement j = judgeAt(vector.path("verifyAt").asLong()).judge("POST", request.path("path").asString(),
        SigningVectors.headers(request), SigningVectors.body(request));

    assertThat(j.findings()).extracting(Finding::code).containsExactly("VALIDATION_FAILED");
    assertThat(j.signature().jti()).isEqualTo("01JNKQ8W3H5V7Z2M4X6C8B0D1E");
  }

  @Test
  void aPathOutsideTheContractIsNotFoundAndAnUndefinedMethodNotAllowed() {
    RequestJudge judge = judgeAt(0);

    assertThat(judge.judge("POST", "/v1/nowhere", Map.of(), new byte[0]).findings())
        .extracting(Finding::code).containsExactly("NOT_FOUND");
    assertThat(judge.judge("PUT", "/v1/alerts", Map.of(), new byte[0]).findings())
        .extracting(Finding::code).containsExactly("METHOD_NOT_ALLOWED");
  }

  @Test
  void theJwkSetAndTusDiscoveryNeedNoSignature() {
    RequestJudge judge = judgeAt(0);

    assertThat(judge.judge("GET", "/.well-known/jwks.json", Map.of(), new byte[0]).findings()).isEmpty();
    assertThat(judge.judge("OPTIONS", "/v1/uploads", Map.of(), new byte[0]).findings()).isEmpty();
  }

  @Test
  void aWriteWithoutSignatureIsSignatureMissing() {
    RequestJudge.Judgement j = judgeAt(0).judge("POST", "/v1/alerts",
        Map.of("Idempotency-Key", List.of("k-1"), "Content-Type", List.of("application/cloudevents+json")),
        "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(j.findings()).extracting(Finding::code).containsExactly("SIGNATURE_MISSING");
  }
}
