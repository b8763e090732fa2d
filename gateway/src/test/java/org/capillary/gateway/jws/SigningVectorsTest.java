package org.capillary.gateway.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.capillary.gateway.connector.ConnectorKey;
import org.capillary.gateway.error.ProblemCatalog;
import org.capillary.gateway.error.ProblemException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Runs the shared vectors of spec/vectors/signing (SIGNING.md §12) through the gateway's
 * verifier: the registry of keys/registry.json, the clock at each case's verifyAt, and the expected
 * code, status, signingInput and mismatch. Cases whose code belongs to the replay filter
 * (SIGNATURE_EXPIRED, SIGNATURE_REPLAYED) must pass every step this verifier owns.
 *
 * <p>Reads the vectors from the spec jar ({@code capillary/spec/vectors/signing/}) or, while the
 * installed jar predates them, from {@code ../spec/vectors/signing}; skipped if neither exists.
 */
class SigningVectorsTest {

  private static final Set<String> LATER_STEPS = Set.of("SIGNATURE_EXPIRED", "SIGNATURE_REPLAYED");
  private static final ProblemCatalog PROBLEMS = ProblemCatalog.load();

  @TestFactory
  Stream<DynamicTest> everyVectorGetsItsExpectedOutcome() {
    JsonNode index = SigningVectorFiles.read("index.json");
    assumeTrue(index != null, "signing vectors not found");
    Map<String, ConnectorKey> registry = SigningVectorFiles.registry();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode entry : index.get("vectors")) {
      String file = entry.get("file").stringValue();
      tests.add(DynamicTest.dynamicTest(entry.get("id").stringValue(), () -> run(SigningVectorFiles.read(file), registry)));
    }
    assertThat(tests).hasSizeGreaterThan(30);
    return tests.stream();
  }

  private static void run(@Nullable JsonNode vector, Map<String, ConnectorKey> registry) {
    assertThat(vector).isNotNull();
    TestSigning.FakeDirectory directory = new TestSigning.FakeDirectory(
        Clock.fixed(Instant.ofEpochSecond(vector.get("verifyAt").longValue()), ZoneOffset.UTC));
    registry.values().forEach(directory::put);
    RequestSignatureVerifier verifier = new RequestSignatureVerifier(directory);
    JsonNode expect = vector.get("expect");
    String code = expect.path("code").asString(null);
    if (vector.has("before")) {
      for (JsonNode before : vector.get("before")) {
        verifier.verify(SigningVectorFiles.request(before));
      }
    }
    SignedRequest request = SigningVectorFiles.request(vector.get("request"));
    if (expect.get("accepted").booleanValue() || LATER_STEPS.contains(code)) {
      VerifiedSignature v = verifier.verify(request);
      if (expect.has("connectorId")) {
        assertThat(v.connector().connectorId()).isEqualTo(expect.get("connectorId").stringValue());
      }
      return;
    }
    ProblemException p = catchThrowableOfType(ProblemException.class, () -> verifier.verify(request));
    assertThat(p).as("expected %s", code).isNotNull();
    assertThat(p.code()).isEqualTo(code);
    assertThat(PROBLEMS.get(p.code()).status()).isEqualTo(expect.get("status").intValue());
    if (expect.has("signingInput")) {
      assertThat(p.extensions().get("signingInput")).isEqualTo(expect.get("signingInput").stringValue());
    } else {
      assertThat(p.extensions()).doesNotContainKey("signingInput");
    }
    if (expect.has("mismatch")) {
      JsonNode m = expect.get("mismatch");
      assertThat(p.extensions().get("mismatch")).isEqualTo(mapOf(
          "member", m.get("member").asString(null),
          "expected", m.get("expected").asString(null),
          "signed", m.get("signed").asString(null)));
    }
  }

  private static Map<String, @Nullable Object> mapOf(String k1, @Nullable Object v1, String k2, @Nullable Object v2, String k3, @Nullable Object v3) {
    Map<String, @Nullable Object> m = new HashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    m.put(k3, v3);
    return m;
  }

}
