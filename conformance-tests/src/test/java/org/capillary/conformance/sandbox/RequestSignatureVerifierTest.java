package org.capillary.conformance.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox verifies every signing vector of the contract as spec/SIGNING.md §6 says: valid ones
 * pass, invalid ones fail at their stated step with their code. Guard codes (checked before the
 * signature) are the judge's and are covered by {@link RequestJudgeTest}.
 */
class RequestSignatureVerifierTest {

  static List<String> vectors() {
    return SigningVectors.caseIds();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void reachesTheVectorsExpectation(String id) {
    JsonNode vector = SigningVectors.read("cases/" + id + ".json");
    String expected = vector.path("expect").path("code").asString(null);
    if (expected != null && !expected.startsWith("SIGNATURE_")) {
      return;
    }
    Clock at = Clock.fixed(Instant.ofEpochSecond(vector.path("verifyAt").asLong()), ZoneOffset.UTC);
    RequestSignatureVerifier verifier = new RequestSignatureVerifier(SigningVectors.activeKeys(), at, Duration.ofSeconds(300));
    for (JsonNode before : vector.path("before")) {
      assertThat(verify(verifier, before).verified()).as("request sent before").isTrue();
    }

    SignatureVerification result = verify(verifier, vector.path("request"));

    if (vector.path("valid").asBoolean()) {
      assertThat(result.failure()).as(id).isNull();
    } else {
      assertThat(result.failure()).as(id).isNotNull();
      assertThat(result.failure().code()).as(id).isEqualTo(expected);
    }
  }

  private static SignatureVerification verify(RequestSignatureVerifier verifier, JsonNode request) {
    String method = request.path("method").asString();
    Map<String, List<String>> headers = SigningVectors.headers(request);
    List<String> key = headers.get("Idempotency-Key");
    return verifier.verify(method, request.path("path").asString(), SigningVectors.body(request),
        List.of("POST", "PUT", "PATCH", "DELETE").contains(method), key == null ? null : key.get(0).strip(),
        headers.getOrDefault("Capillary-Signature", List.of()));
  }
}
