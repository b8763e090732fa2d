package org.capillary.sdk.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capillary.sdk.pact.PactCases.CONNECTOR_STATE;
import static org.capillary.sdk.pact.PactCases.CONSUMER;
import static org.capillary.sdk.pact.PactCases.INSURER;
import static org.capillary.sdk.pact.PactCases.OPERATOR;
import static org.capillary.sdk.pact.PactCases.POLICY;
import static org.capillary.sdk.pact.PactCases.POLICY_STATE;
import static org.capillary.sdk.pact.PactCases.PROJECT;
import static org.capillary.sdk.pact.PactCases.PROVIDER;
import static org.capillary.sdk.pact.PactCases.SUBMISSION_STATE;
import static org.capillary.sdk.pact.PactCases.SUBSCRIPTION_STATE;
import static org.capillary.sdk.pact.PactCases.VENDOR;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import au.com.dius.pact.core.model.matchingrules.NullMatcher;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.CapillaryClientBuilder;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.auth.JwsRequestSigner;
import org.capillary.sdk.http.RetryOptions;
import org.capillary.sdk.implementation.Json;
import org.capillary.sdk.models.Connector;
import org.capillary.sdk.models.DistrictSummary;
import org.capillary.sdk.models.EventFeedPage;
import org.capillary.sdk.models.HazardListOptions;
import org.capillary.sdk.models.ObligationList;
import org.capillary.sdk.models.ProjectView;
import org.capillary.sdk.models.SubmissionReceipt;
import org.capillary.sdk.models.SubmissionStatus;
import org.capillary.sdk.models.WriteOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer side of the SDK ↔ gateway contract: one pact interaction per operation the SDK calls,
 * recorded from the real {@link CapillaryClient} (signing, headers, serialisation, receipt
 * verification) against the pact mock server, and written to {@code target/pacts} (relative to
 * the module, whatever {@code capillary.buildDir} says) for the gateway's provider test.
 *
 * <p>Requests: exact method, path, content type and body (the contract's first valid example as
 * the SDK serialises it); the signature, digest, idempotency key and request id are matched by
 * format, because they are made afresh per attempt (the provider re-signs each replayed request).
 * Writes answer 201 with a SubmissionReceipt whose receipt is signed by the contract's TEST gateway
 * key, served by the recorded JWK Set interaction; see {@link ReceiptJtiBinder} for the one claim
 * ({@code jti}) bound at test time, and {@link PactBodies} for the ids of cited media, which the
 * provider gives. Reads are recorded as the contract describes them; operations the gateway does
 * not serve yet are listed as pending by the provider test (which checks they still answer 404).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V3)
@PactDirectory(GatewayPactTest.PACT_DIR)
class GatewayPactTest {

  /** Relative to the module directory (surefire's working directory). */
  static final String PACT_DIR = "target/pacts";

  static final String SUBMISSION = "sub_01JNKQ9A7M3T5X8Y2B4D6F8H0J";
  static final String SIGNATURE = "^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$";
  static final String DIGEST = "^sha-256=:[A-Za-z0-9+/]{43}=:$";
  static final String IDEMPOTENCY_KEY = "^[\\x21-\\x7E]{1,255}$";
  static final String REQUEST_ID = "^[A-Za-z0-9._:-]{1,128}$";
  static final String SUBMISSION_ID = "^sub_[0-9A-HJKMNP-TV-Z]{26}$";
  static final String JWS = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$";
  static final String TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$";
  static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";
  static final long RECEIPT_IAT = 1772415003L;

  private static final Map<String, PactCases.Write> WRITES = PactCases.writes();

  @BeforeAll
  static void noStalePactFile() throws IOException {
    // pact-jvm merges into an existing file; the file must say what this run recorded, nothing older.
    Files.deleteIfExists(Path.of(PACT_DIR, CONSUMER + "-" + PROVIDER + ".json"));
  }

  // ------------------------------------------------------------------ building interactions

  private static PactDslResponse jwks(PactDslWithProvider builder) {
    OctetKeyPair key = ReceiptJtiBinder.gatewayKey().toPublicJWK();
    return builder.uponReceiving("the gateway's receipt keys")
        .method("GET").path("/.well-known/jwks.json")
        .willRespondWith().status(200)
        .matchHeader("Content-Type", "^application/json.*", "application/json")
        .body(new PactDslJsonBody()
            .minArrayLike("keys", 1)
            .stringType("kty", key.getKeyType().getValue())
            .stringType("crv", key.getCurve().getName())
            .stringType("kid", key.getKeyID())
            .stringType("x", key.getX().toString())
            .stringType("alg", "EdDSA")
            .stringType("use", "sig")
            .closeObject().closeArray());
  }

  /**
   * The headers the SDK makes afresh per attempt, matched by format. The example signature names
   * the caller's key ({@code kid} in its protected header; its signature part is a placeholder):
   * the provider test re-signs each replayed request with the demo key of that kid.
   */
  private static PactDslRequestWithPath signed(PactDslRequestWithPath request, String connectorId) {
    String header = "{\"alg\":\"ES256\",\"typ\":\"capillary-request+jws\",\"kid\":\"" + PactCases.kidOf(connectorId) + "\"}";
    String example = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "..cmUtc2lnbmVkLWJ5LXRoZS1wcm92aWRlci10ZXN0";
    return request.matchHeader("Capillary-Signature", SIGNATURE, example)
        .matchHeader("Content-Digest", DIGEST, "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:")
        .matchHeader("X-Request-Id", REQUEST_ID, "sdk-0b9e2f4e-8d1c-4a55-9f0e-2a7c5d3b1e60");
  }

  /** The receipt a gateway would sign for this write (jti fixed; bound per attempt at test time). */
  static String receiptFor(PactCases.Write w) {
    ObjectNode claims = Json.MAPPER.createObjectNode();
    claims.put("iss", "cn-440304");
    claims.put("sub", SUBMISSION);
    claims.put("cid", w.connectorId());
    claims.put("op", w.operationId());
    if (w.projectId() != null) {
      claims.put("prj", w.projectId());
    }
    claims.put("cdg", JwsRequestSigner.contentDigest(w.body()));
    claims.put("seq", 1);
    claims.put("iat", RECEIPT_IAT);
    claims.put("jti", "pact-recorded-jti-000000001");
    claims.put("idk", w.idempotencyKey());
    return ReceiptJtiBinder.signReceipt(claims.toString());
  }

  static DslPart receiptBody(PactCases.Write w) {
    return new PactDslJsonBody()
        .stringMatcher("submissionId", SUBMISSION_ID, SUBMISSION)
        .stringValue("status", "ACCEPTED")
        .stringValue("connectorId", w.connectorId())
        .stringValue("operationId", w.operationId())
        .stringMatcher("contentDigest", DIGEST, JwsRequestSigner.contentDigest(w.body()))
        .integerType("sequence", 1)
        .stringMatcher("receivedAt", TIMESTAMP, "2026-03-02T01:30:03.412Z")
        .stringMatcher("receipt", JWS, receiptFor(w));
  }

  private static RequestResponsePact write(PactDslWithProvider builder, String operationId) {
    PactCases.Write w = WRITES.get(operationId);
    PactDslResponse jwks = jwks(builder);
    String description = operationId + ": the first valid example of the contract";
    PactDslRequestWithPath request;
    if (w.states().isEmpty()) {
      request = jwks.uponReceiving(description).method(w.method()).path(w.path());
    } else {
      au.com.dius.pact.consumer.dsl.PactDslWithState withState =
          jwks.given(w.states().get(0).name(), w.states().get(0).params());
      for (PactCases.ProviderState state : w.states().subList(1, w.states().size())) {
        withState = withState.given(state.name(), state.params());
      }
      request = withState.uponReceiving(description).method(w.method()).path(w.path());
    }
    request = request
        .headers("Content-Type", w.contentType())
        .matchHeader("Idempotency-Key", IDEMPOTENCY_KEY, w.idempotencyKey())
        .body(PactBodies.dsl(w.wire()));
    return signed(request, w.connectorId())
        .willRespondWith().status(201)
        .matchHeader("Content-Type", "^application/json.*", "application/json")
        .matchHeader("Location", "^/v1/submissions/sub_[0-9A-HJKMNP-TV-Z]{26}$", "/v1/submissions/" + SUBMISSION)
        .body(receiptBody(w))
        .toPact();
  }

  private static RequestResponsePact read(PactDslWithProvider builder, String connectorId, String operationId,
      @Nullable String state,
      Map<String, Object> params, String path, @Nullable String query, DslPart body) {
    PactDslRequestWithPath request = state == null
        ? builder.uponReceiving(operationId).method("GET").path(path)
        : builder.given(state, params).uponReceiving(operationId).method("GET").path(path);
    if (query != null) {
      request = request.query(query);
    }
    return signed(request, connectorId).willRespondWith().status(200)
        .matchHeader("Content-Type", "^application/json.*", "application/json")
        .body(body).toPact();
  }

  // ------------------------------------------------------------------ running the SDK

  /** A client of the mock server; its keys are fresh (the provider re-signs with the demo key of the same kid). */
  static CapillaryClient client(MockServer server, String connectorId) {
    try {
      String jwk = new ECKeyGenerator(Curve.P_256).keyID(PactCases.kidOf(connectorId)).algorithm(JWSAlgorithm.ES256)
          .generate().toJSONString();
      return new CapillaryClientBuilder().endpoint(server.getUrl()).connectorId(connectorId)
          .credential(CapillaryKeyCredential.fromJwk(jwk)).issuer("cn-440304")
          .retryOptions(RetryOptions.disabled())
          .httpClient(new ReceiptJtiBinder())
          .buildClient();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void checkWrite(MockServer server, String operationId) throws IOException {
    PactCases.Write w = WRITES.get(operationId);
    CapillaryClient client = client(server, w.connectorId());
    SubmissionReceipt receipt = w.invoker().call(client, w.body(), WriteOptions.idempotencyKey(w.idempotencyKey()));
    assertThat(receipt.submissionId()).isEqualTo(SUBMISSION);
    assertThat(receipt.claims().operationId()).isEqualTo(operationId);
    assertThat(receipt.claims().connectorId()).isEqualTo(w.connectorId());
    assertThat(receipt.claims().contentDigest()).isEqualTo(JwsRequestSigner.contentDigest(w.body()));
    assertThat(receipt.claims().idempotencyKey()).isEqualTo(w.idempotencyKey());
    assertThat(receipt.claims().projectId()).isEqualTo(w.projectId());
    assertThat(receipt.sequence()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ writes (one pact each)

  @Pact(consumer = CONSUMER)
  RequestResponsePact registerPolicy(PactDslWithProvider b) {
    return write(b, "registerPolicy");
  }

  @Test
  @PactTestFor(pactMethod = "registerPolicy")
  void registerPolicy(MockServer s) throws IOException {
    checkWrite(s, "registerPolicy");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact reportWorksStatus(PactDslWithProvider b) {
    return write(b, "reportWorksStatus");
  }

  @Test
  @PactTestFor(pactMethod = "reportWorksStatus")
  void reportWorksStatus(MockServer s) throws IOException {
    checkWrite(s, "reportWorksStatus");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact submitRiskAssessment(PactDslWithProvider b) {
    return write(b, "submitRiskAssessment");
  }

  @Test
  @PactTestFor(pactMethod = "submitRiskAssessment")
  void submitRiskAssessment(MockServer s) throws IOException {
    checkWrite(s, "submitRiskAssessment");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact submitInspection(PactDslWithProvider b) {
    return write(b, "submitInspection");
  }

  @Test
  @PactTestFor(pactMethod = "submitInspection")
  void submitInspection(MockServer s) throws IOException {
    checkWrite(s, "submitInspection");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact submitRectification(PactDslWithProvider b) {
    return write(b, "submitRectification");
  }

  @Test
  @PactTestFor(pactMethod = "submitRectification")
  void submitRectification(MockServer s) throws IOException {
    checkWrite(s, "submitRectification");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact submitRectificationVerification(PactDslWithProvider b) {
    return write(b, "submitRectificationVerification");
  }

  @Test
  @PactTestFor(pactMethod = "submitRectificationVerification")
  void submitRectificationVerification(MockServer s) throws IOException {
    checkWrite(s, "submitRectificationVerification");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact reviewAlert(PactDslWithProvider b) {
    return write(b, "reviewAlert");
  }

  @Test
  @PactTestFor(pactMethod = "reviewAlert")
  void reviewAlert(MockServer s) throws IOException {
    checkWrite(s, "reviewAlert");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact submitTraining(PactDslWithProvider b) {
    return write(b, "submitTraining");
  }

  @Test
  @PactTestFor(pactMethod = "submitTraining")
  void submitTraining(MockServer s) throws IOException {
    checkWrite(s, "submitTraining");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact submitEmergencyPlan(PactDslWithProvider b) {
    return write(b, "submitEmergencyPlan");
  }

  @Test
  @PactTestFor(pactMethod = "submitEmergencyPlan")
  void submitEmergencyPlan(MockServer s) throws IOException {
    checkWrite(s, "submitEmergencyPlan");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact submitDrill(PactDslWithProvider b) {
    return write(b, "submitDrill");
  }

  @Test
  @PactTestFor(pactMethod = "submitDrill")
  void submitDrill(MockServer s) throws IOException {
    checkWrite(s, "submitDrill");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact recordPreventionFee(PactDslWithProvider b) {
    return write(b, "recordPreventionFee");
  }

  @Test
  @PactTestFor(pactMethod = "recordPreventionFee")
  void recordPreventionFee(MockServer s) throws IOException {
    checkWrite(s, "recordPreventionFee");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact registerDevice(PactDslWithProvider b) {
    return write(b, "registerDevice");
  }

  @Test
  @PactTestFor(pactMethod = "registerDevice")
  void registerDevice(MockServer s) throws IOException {
    checkWrite(s, "registerDevice");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact publishAlert(PactDslWithProvider b) {
    return write(b, "publishAlert");
  }

  @Test
  @PactTestFor(pactMethod = "publishAlert")
  void publishAlert(MockServer s) throws IOException {
    checkWrite(s, "publishAlert");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact publishAlertBatch(PactDslWithProvider b) {
    return write(b, "publishAlertBatch");
  }

  @Test
  @PactTestFor(pactMethod = "publishAlertBatch")
  void publishAlertBatch(MockServer s) throws IOException {
    checkWrite(s, "publishAlertBatch");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact registerConnector(PactDslWithProvider b) {
    return write(b, "registerConnector");
  }

  @Test
  @PactTestFor(pactMethod = "registerConnector")
  void registerConnector(MockServer s) throws IOException {
    checkWrite(s, "registerConnector");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact updateConnector(PactDslWithProvider b) {
    return write(b, "updateConnector");
  }

  @Test
  @PactTestFor(pactMethod = "updateConnector")
  void updateConnector(MockServer s) throws IOException {
    checkWrite(s, "updateConnector");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact addConnectorKey(PactDslWithProvider b) {
    return write(b, "addConnectorKey");
  }

  @Test
  @PactTestFor(pactMethod = "addConnectorKey")
  void addConnectorKey(MockServer s) throws IOException {
    checkWrite(s, "addConnectorKey");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact rotateConnectorKey(PactDslWithProvider b) {
    return write(b, "rotateConnectorKey");
  }

  @Test
  @PactTestFor(pactMethod = "rotateConnectorKey")
  void rotateConnectorKey(MockServer s) throws IOException {
    checkWrite(s, "rotateConnectorKey");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact revokeConnectorKey(PactDslWithProvider b) {
    return write(b, "revokeConnectorKey");
  }

  @Test
  @PactTestFor(pactMethod = "revokeConnectorKey")
  void revokeConnectorKey(MockServer s) throws IOException {
    checkWrite(s, "revokeConnectorKey");
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact createSubscription(PactDslWithProvider b) {
    return write(b, "createSubscription");
  }

  @Test
  @PactTestFor(pactMethod = "createSubscription")
  void createSubscription(MockServer s) throws IOException {
    checkWrite(s, "createSubscription");
  }

  // ------------------------------------------------------------------ deleteSubscription (204, no receipt)

  @Pact(consumer = CONSUMER)
  RequestResponsePact deleteSubscription(PactDslWithProvider b) {
    PactDslRequestWithPath request = b.given(SUBSCRIPTION_STATE, PactCases.params("subscriptionId", "subn-pact-000001"))
        .uponReceiving("deleteSubscription").method("DELETE").path("/v1/admin/subscriptions/subn-pact-000001")
        .matchHeader("Idempotency-Key", IDEMPOTENCY_KEY, "5f0c7a4e-2b1d-4c3e-9a8f-7e6d5c4b3a21");
    return signed(request, OPERATOR).willRespondWith().status(204).toPact();
  }

  @Test
  @PactTestFor(pactMethod = "deleteSubscription")
  void deleteSubscription(MockServer s) {
    client(s, OPERATOR).deleteSubscription("subn-pact-000001");
  }

  // ------------------------------------------------------------------ reads

  @Pact(consumer = CONSUMER)
  RequestResponsePact getSubmission(PactDslWithProvider b) {
    PactCases.Write w = WRITES.get("submitInspection");
    PactDslRequestWithPath request = b.given(SUBMISSION_STATE, PactCases.params("projectId", PROJECT, "policyId", POLICY))
        .uponReceiving("getSubmission").method("GET")
        .pathFromProviderState("/v1/submissions/${submissionId}", "/v1/submissions/" + SUBMISSION);
    return signed(request, INSURER).willRespondWith().status(200)
        .matchHeader("Content-Type", "^application/json.*", "application/json")
        .body(new PactDslJsonBody()
            .stringMatcher("submissionId", SUBMISSION_ID, SUBMISSION)
            .stringType("status", "ACCEPTED")
            .stringValue("connectorId", INSURER)
            .stringType("operationId", "submitInspection")
            .stringMatcher("contentDigest", DIGEST, JwsRequestSigner.contentDigest(w.body()))
            .integerType("sequence", 1)
            .stringMatcher("receivedAt", TIMESTAMP, "2026-03-02T01:30:03.412Z")
            .stringMatcher("receipt", JWS, receiptFor(w)))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "getSubmission")
  void getSubmission(MockServer s) {
    SubmissionStatus status = client(s, INSURER).getSubmission(SUBMISSION);
    assertThat(status.getSubmissionId()).isEqualTo(SUBMISSION);
    assertThat(status.getStatus()).isEqualTo("ACCEPTED");
    assertThat(status.getReceipt()).matches(JWS);
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact getProject(PactDslWithProvider b) {
    return read(b, INSURER, "getProject", POLICY_STATE, PactCases.policyParams(), "/v1/projects/" + PROJECT, null,
        LambdaDsl.newJsonBody(o -> {
          o.stringValue("projectId", PROJECT);
          o.stringType("name", "香蜜湖街道农园路某住宅室内装修工程");
          o.stringType("address", "深圳市福田区香蜜湖街道农园路××花园3栋1602");
          o.stringMatcher("subdistrictCode", "^[0-9]{9}$", "440304006");
          o.object("location", l -> {
            l.decimalType("lat", 22.5447);
            l.decimalType("lng", 114.0237);
            l.stringType("crs", "WGS84");
          });
          o.stringType("worksType", "DECORATION");
          o.stringMatcher("contractValue", "^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$", "380000.00");
          o.stringMatcher("filedAt", TIMESTAMP, "2026-03-10T10:15:00+08:00");
          o.stringMatcher("plannedStart", DATE, "2026-03-16");
          o.stringMatcher("plannedEnd", DATE, "2026-05-31");
          o.booleanType("highRisk", false);
          o.object("contractor", c -> {
            c.stringType("name", "深圳市安筑装饰工程有限公司");
            c.stringType("uscc", "91440304MA5H3K7P19");
          });
          o.stringType("status", "REGISTERED");
          o.object("policy", p -> {
            p.stringValue("policyId", POLICY);
            p.stringType("policyNo", "PA44030026A000327");
            p.object("insurer", i -> {
              i.stringType("name", "平安财产保险股份有限公司深圳分公司");
              i.stringType("uscc", "91440300192261853F");
            });
            p.stringMatcher("coverageStart", DATE, "2026-03-10");
            p.stringMatcher("coverageEnd", DATE, "2026-06-30");
            p.stringType("status", "ACTIVE");
          });
          o.object("counts", c -> {
            c.integerType("inspections", 0);
            c.integerType("openHazards", 0);
            c.integerType("overdueHazards", 0);
          });
        }).build());
  }

  @Test
  @PactTestFor(pactMethod = "getProject")
  void getProject(MockServer s) {
    ProjectView project = client(s, INSURER).getProject(PROJECT);
    assertThat(project.getProjectId()).isEqualTo(PROJECT);
    assertThat(project.getPolicy().getPolicyId()).isEqualTo(POLICY);
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact listProjectObligations(PactDslWithProvider b) {
    return read(b, INSURER, "listProjectObligations", POLICY_STATE, PactCases.policyParams(),
        "/v1/projects/" + PROJECT + "/obligations", null,
        new PactDslJsonBody()
            .stringValue("projectId", PROJECT)
            .stringMatcher("evaluatedAt", TIMESTAMP, "2026-03-20T08:00:00+08:00")
            .eachLike("obligations", 1)
            .stringType("obligationId", "obl-0001").stringMatcher("ruleId", "^R-[0-9]{2}$", "R-20")
            .stringType("title", "开工前安全风险评估").stringType("state", "PENDING")
            // required by ObligationList.json, so a pact of this SDK validates against the contract
            // (dueAt is null until the obligation's anchor is known: a timestamp or null)
            .or("dueAt", "2026-03-21T08:00:00+08:00", new RegexMatcher(TIMESTAMP), NullMatcher.INSTANCE)
            .eachLike("satisfiedBy", PactDslJsonRootValue.stringType("sub_01JNKR7H0V1TQ2"), 0)
            .closeObject().closeArray());
  }

  @Test
  @PactTestFor(pactMethod = "listProjectObligations")
  void listProjectObligations(MockServer s) {
    ObligationList list = client(s, INSURER).listProjectObligations(PROJECT);
    assertThat(list.getObligations()).hasSize(1);
  }

  private static DslPart emptyPage() {
    return new PactDslJsonBody().eachLike("items", 0).closeObject().closeArray()
        .object("page").integerType("limit", 50).closeObject();
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact listProjectHazards(PactDslWithProvider b) {
    return read(b, INSURER, "listProjectHazards", POLICY_STATE, PactCases.policyParams(), "/v1/projects/" + PROJECT + "/hazards",
        "limit=50&status=OPEN", emptyPage());
  }

  @Test
  @PactTestFor(pactMethod = "listProjectHazards")
  void listProjectHazards(MockServer s) {
    HazardListOptions options = new HazardListOptions(null, "OPEN", null, null, 50);
    assertThat(client(s, INSURER).listProjectHazards(PROJECT, options)).isEmpty();
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact listHazards(PactDslWithProvider b) {
    return read(b, INSURER, "listHazards", null, Map.of(), "/v1/hazards", null, emptyPage());
  }

  @Test
  @PactTestFor(pactMethod = "listHazards")
  void listHazards(MockServer s) {
    assertThat(client(s, INSURER).listHazards(HazardListOptions.all())).isEmpty();
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact listAlerts(PactDslWithProvider b) {
    return read(b, VENDOR, "listAlerts", PactCases.DEVICE_STATE,
        PactCases.params("policyId", POLICY, "projectId", PROJECT, "deviceId", PactCases.DEVICE), "/v1/alerts",
        "projectId=" + PROJECT, emptyPage());
  }

  @Test
  @PactTestFor(pactMethod = "listAlerts")
  void listAlerts(MockServer s) {
    assertThat(client(s, VENDOR).listAlerts(PROJECT).byPage()).hasSize(1);
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact getEventFeed(PactDslWithProvider b) {
    return read(b, INSURER, "getEventFeed", null, Map.of(), "/v1/events", "limit=10", emptyPage());
  }

  @Test
  @PactTestFor(pactMethod = "getEventFeed")
  void getEventFeed(MockServer s) {
    EventFeedPage page = client(s, INSURER).getEventFeed(null, 10);
    assertThat(page.getItems()).isEmpty();
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact getDistrictSummary(PactDslWithProvider b) {
    return read(b, OPERATOR, "getDistrictSummary", null, Map.of(), "/v1/district/summary", null,
        new PactDslJsonBody()
            .stringMatcher("generatedAt", TIMESTAMP, "2026-03-20T08:00:00+08:00")
            .eachLike("subdistricts", 1)
            .stringMatcher("subdistrictCode", "^[0-9]{9}$", "440304001")
            .integerType("activeWorks", 3).integerType("openHazards", 2).integerType("overdueHazards", 0)
            .integerType("majorHazardsOpen", 0).integerType("missedObligations", 1)
            .closeObject().closeArray());
  }

  @Test
  @PactTestFor(pactMethod = "getDistrictSummary")
  void getDistrictSummary(MockServer s) {
    DistrictSummary summary = client(s, OPERATOR).getDistrictSummary();
    assertThat(summary.getSubdistricts()).hasSize(1);
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact getConnector(PactDslWithProvider b) {
    return read(b, OPERATOR, "getConnector", CONNECTOR_STATE, PactCases.connectorParams("pact-conn-read"),
        "/v1/admin/connectors/pact-conn-read", null,
        LambdaDsl.newJsonBody(o -> {
          o.stringValue("connectorId", "pact-conn-read");
          o.stringType("role", "INSURER");
          o.object("organisation", g -> {
            g.stringType("name", "中国平安财产保险股份有限公司深圳分公司");
            g.stringType("uscc", "91440300892349712Y");
          });
          o.stringType("displayName", "平安产险深圳分公司 安责险");
          o.stringType("status", "ACTIVE");
          o.stringType("ratePlan", "standard");
          o.object("rateLimit", r -> {
            r.numberType("requestsPerSecond", 100);
            r.integerType("burst", 100);
          });
          o.minArrayLike("keys", 1, k -> {
            k.stringType("kid", "pact-conn-read-k1");
            k.stringType("alg", "ES256");
            k.stringType("status", "ACTIVE");
          });
          o.stringMatcher("createdAt", TIMESTAMP, "2026-03-01T09:00:00+08:00");
          o.stringMatcher("updatedAt", TIMESTAMP, "2026-03-01T09:00:00+08:00");
        }).build());
  }

  @Test
  @PactTestFor(pactMethod = "getConnector")
  void getConnector(MockServer s) {
    Connector connector = client(s, OPERATOR).getConnector("pact-conn-read");
    assertThat(connector.getConnectorId()).isEqualTo("pact-conn-read");
    assertThat(connector.getKeys()).hasSize(1);
  }
}
