package org.capillary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls every benchmark method once, outside JMH: a benchmark of work that fails (a signature that
 * does not verify, a body that does not validate, a class missing from the jar) would measure the
 * wrong thing. Measures nothing; runs in about a second.
 */
class BenchmarksTest {

  @Test
  void everySignatureVerifies() throws Exception {
    SignatureVerificationBenchmark b = new SignatureVerificationBenchmark();
    b.setUp();
    assertThat(b.es256Jdk()).isTrue();
    assertThat(b.es256Conscrypt()).isTrue();
    assertThat(b.ps256Jdk()).isTrue();
    assertThat(b.ps256ConscryptJca()).isTrue();
    assertThat(b.eddsaTink()).isTrue();
    assertThat(b.eddsaJdk()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ES256", "PS256", "EdDSA"})
  void theGatewayVerifierAcceptsTheSignedRequest(String alg) {
    RequestVerificationBenchmark b = new RequestVerificationBenchmark();
    b.alg = alg;
    b.setUp();
    assertThat(b.verify().connector().connectorId()).isEqualTo("bench-insurer");
    assertThat(b.verify().alg()).isEqualTo(alg);
  }

  @Test
  void everyReceiptVerifies() throws Exception {
    ReceiptSigningBenchmark b = new ReceiptSigningBenchmark();
    b.setUp();
    try {
      assertThat(JWSObject.parse(b.gatewayReceiptSigner()).getPayload().toJSONObject()).containsEntry("seq", 123456L);
      assertThat(verifiesEs256(b.es256Jdk(), b)).isTrue();
      assertThat(verifiesEs256(b.es256Conscrypt(), b)).isTrue();
      JWSObject ed = JWSObject.parse(b.eddsaTink());
      assertThat(ed.verify(new Ed25519Verifier(b.eddsaKey().toPublicJWK()))).isTrue();
    } finally {
      b.tearDown();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"submitInspection", "registerPolicy", "submitRiskAssessment", "publishAlert", "publishAlertBatch",
      "submitRectification", "submitDrill"})
  void everyValidatedBodyIsValid(String operation) {
    SchemaValidationBenchmark v = new SchemaValidationBenchmark();
    v.operation = operation;
    v.setUp();
    assertThat(v.validate()).isEmpty();
    assertThat(v.parseAndValidate()).isEmpty();
  }

  @Test
  void theInspectionIsDigested() {
    ContentDigestBenchmark d = new ContentDigestBenchmark();
    d.setUp();
    assertThat(d.contentDigest()).startsWith("sha-256=:").endsWith(":");
    assertThat(Fixtures.inspectionBody().length).isBetween(2_000, 8_000);
  }

  @Test
  void theWholePipelineAcceptsTheSubmissionAndSignsAVerifiableReceipt() throws Exception {
    SubmissionPipelineBenchmark b = new SubmissionPipelineBenchmark();
    b.setUp();
    try {
      JWSObject first = JWSObject.parse(b.submit());
      JWSObject second = JWSObject.parse(b.submit());
      assertThat(first.getPayload().toJSONObject()).containsEntry("cid", "bench-insurer").containsEntry("op", "submitInspection");
      // a fresh jti each time, or the replay step would have refused the second
      assertThat(second.getPayload().toJSONObject().get("jti")).isNotEqualTo(first.getPayload().toJSONObject().get("jti"));
    } finally {
      b.tearDown();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ES256", "PS256", "EdDSA"})
  void theSdkSignsWhatTheGatewayAccepts(String alg) {
    SdkCallBenchmark b = new SdkCallBenchmark();
    b.alg = alg;
    b.setUp();
    java.net.http.HttpRequest signed = b.signed();
    java.net.http.HttpRequest unsigned = b.unsigned();
    assertThat(unsigned.headers().firstValue("Capillary-Signature")).isEmpty();
    String idempotencyKey = signed.headers().firstValue("Idempotency-Key").orElseThrow();
    String signature = signed.headers().firstValue("Capillary-Signature").orElseThrow();
    org.capillary.gateway.jws.RequestSignatureVerifier verifier =
        new org.capillary.gateway.jws.RequestSignatureVerifier(Fixtures.directoryOf(b.key()));
    assertThat(verifier.verify(new org.capillary.gateway.jws.SignedRequest("POST", Fixtures.PATH, b.body(), signature,
        idempotencyKey, org.capillary.gateway.jws.ContentDigest.of(b.body()))).alg()).isEqualTo(alg);
    assertThat(b.signed().headers().firstValue("Idempotency-Key")).isNotEqualTo(java.util.Optional.of(idempotencyKey));
  }

  private static boolean verifiesEs256(String compact, ReceiptSigningBenchmark b) throws Exception {
    ECKey key = b.es256Key();
    return JWSObject.parse(compact).verify(new ECDSAVerifier(key.toPublicJWK()));
  }
}
