package org.capillary.conformance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.capillary.conformance.plan.Status;
import org.capillary.conformance.run.HashChainedTranscript;
import org.capillary.sdk.auth.JwsRequestSigner;
import org.capillary.spec.contract.Operation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class WriteChecksTest {

  private static final String SUBMISSION = "sub_01JNKQ9A7M3T5X8Y2B4D6F8H0J";

  private final HashChainedTranscript transcript = new HashChainedTranscript();
  private final Operation registerPolicy = PlatformSession.sharedContract().operation("registerPolicy").orElseThrow();
  private final ECKey gatewayKey = Fixtures.newKey("gateway-1");
  private final byte[] body = "{\"policyId\":\"pol-1\"}".getBytes(StandardCharsets.UTF_8);
  private final PlatformConnector insurer = PlatformConnector.fromJwk("demo-insurer-a", Fixtures.newKey("ins-1").toJSONString(),
      java.time.Clock.systemUTC());
  private final String signature = insurer.signer().sign("POST", "/v1/policies", body, "idk-1").headerValue();

  private Exchange accepted(String cid) throws Exception {
    ObjectNode claims = Exchange.JSON.createObjectNode().put("iss", "cn-440304").put("sub", SUBMISSION).put("cid", cid)
        .put("op", "registerPolicy").put("cdg", JwsRequestSigner.contentDigest(body)).put("seq", 7).put("iat", 1772415003)
        .put("jti", Receipts.jtiOf(signature)).put("idk", "idk-1");
    JWSObject receipt = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("gateway-1")
        .type(new JOSEObjectType("capillary-receipt+jws")).build(), new Payload(claims.toString()));
    receipt.sign(new ECDSASigner(gatewayKey));
    String response = "{\"submissionId\":\"" + SUBMISSION + "\",\"status\":\"ACCEPTED\",\"connectorId\":\"demo-insurer-a\","
        + "\"operationId\":\"registerPolicy\",\"contentDigest\":\"" + JwsRequestSigner.contentDigest(body) + "\",\"sequence\":7,"
        + "\"receivedAt\":\"2026-03-02T01:30:03Z\",\"receipt\":\"" + receipt.serialize() + "\"}";
    return new Exchange("registerPolicy/valid", "POST", "/v1/policies", Map.of("Capillary-Signature", signature,
        "Idempotency-Key", "idk-1", "X-Request-Id", "r1"), body, 201, Map.of("Location", List.of("/v1/submissions/" + SUBMISSION),
        "X-Request-Id", List.of("r1")), response.getBytes(StandardCharsets.UTF_8), null);
  }

  private WriteRun run(Exchange e, List<WriteRun.Attempt> refused) {
    return new WriteRun(List.of(new WriteRun.Attempt(registerPolicy, "valid", "demo-insurer-a", e, Exchange.JSON.missingNode())),
        refused, List.of("appendUploadChunk: no JSON body"), new JWKSet(gatewayKey.toPublicJWK()), e, e);
  }

  @Test
  void aVerifiableReceiptPassesTheReceiptChecks() throws Exception {
    WriteRun run = run(accepted("demo-insurer-a"), List.of());
    assertThat(new ExpectWriteOperationsAccepted().run(run, transcript).status()).isEqualTo(Status.PASS);
    assertThat(new ValidateReceiptBodies().run(run, transcript).status()).isEqualTo(Status.PASS);
    assertThat(new EnsureReceiptsVerify().run(run, transcript).status()).isEqualTo(Status.PASS);
  }

  @Test
  void aReceiptForAnotherConnectorFails() throws Exception {
    var result = new EnsureReceiptsVerify().run(run(accepted("demo-insurer-b"), List.of()), transcript);
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.evidence()).singleElement().asString().contains("cid is \"demo-insurer-b\", expected demo-insurer-a");
  }

  @Test
  void aReceiptSignedByAKeyOutsideTheJwksFails() throws Exception {
    WriteRun run = new WriteRun(run(accepted("demo-insurer-a"), List.of()).accepted(), List.of(), List.of(),
        new JWKSet(Fixtures.newKey("gateway-1").toPublicJWK()), accepted("demo-insurer-a"), null);
    assertThat(new EnsureReceiptsVerify().run(run, transcript).evidence()).singleElement().asString()
        .contains("the signature does not verify with gateway-1");
  }

  @Test
  void aRefusedValidExampleFails() throws Exception {
    Exchange refused = Exchanges.problem("registerPolicy/valid", 422, "VALIDATION_FAILED");
    var result = new ExpectWriteOperationsAccepted().run(run(refused, List.of()), transcript);
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.summary()).isEqualTo("1 of 1 valid examples not accepted");
  }

  @Test
  void invalidExamplesMustBeRefusedWithTheirPointersAndCodes() throws Exception {
    ObjectNode expect = (ObjectNode) Exchange.JSON.readTree(
        "{\"status\":422,\"code\":\"VALIDATION_FAILED\",\"errors\":[{\"pointer\":\"/policyId\",\"code\":\"REQUIRED\"}]}");
    Exchange right = Exchanges.of("r", 422, "{\"code\":\"VALIDATION_FAILED\",\"errors\":[{\"pointer\":\"/policyId\",\"code\":\"REQUIRED\"}]}");
    Exchange otherPointer = Exchanges.of("r", 422, "{\"code\":\"VALIDATION_FAILED\",\"errors\":[{\"pointer\":\"/x\",\"code\":\"REQUIRED\"}]}");
    var check = new ExpectInvalidExamplesRejected();
    assertThat(check.run(run(accepted("demo-insurer-a"), List.of(new WriteRun.Attempt(registerPolicy, "invalid", "a", right, expect))),
        transcript).status()).isEqualTo(Status.PASS);
    var wrong = check.run(run(accepted("demo-insurer-a"), List.of(new WriteRun.Attempt(registerPolicy, "invalid", "a", otherPointer,
        expect))), transcript);
    assertThat(wrong.status()).isEqualTo(Status.FAIL);
    assertThat(wrong.evidence()).singleElement().asString().contains("no error /policyId REQUIRED");
    assertThat(check.requirements()).contains("CAP-VAL-01");
  }

  @Test
  void writeOperationsAreCitedFromTheContract() {
    assertThat(new ExpectWriteOperationsAccepted().requirements()).contains("CAP-INS-01", "CAP-DEV-02", "CAP-MED-10", "CAP-SIG-11")
        .noneMatch(id -> id.startsWith("R-"));
  }
}
