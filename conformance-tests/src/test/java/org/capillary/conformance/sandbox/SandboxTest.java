package org.capillary.conformance.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.CapillaryClientBuilder;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.auth.JwsRequestSigner;
import org.capillary.sdk.auth.SignedRequest;
import org.capillary.sdk.http.RetryOptions;
import org.capillary.sdk.models.UploadCreation;
import org.capillary.sdk.models.SubmissionReceipt;
import org.capillary.sdk.upload.UploadOptions;
import org.capillary.sdk.upload.UploadedMedia;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.validation.ContractValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox over HTTP: it answers like the gateway, injects its script's faults, and records everything. */
class SandboxTest {

  private static final String CONNECTOR = "sandbox-test-connector";
  private static final String ALERT = "{\"specversion\":\"1.0\",\"id\":\"evt-%s\",\"source\":\"urn:capillary:device:cam-1\","
      + "\"type\":\"org.capillary.alert.ai.v1\",\"subject\":\"FT-XE-2026-000123\",\"time\":\"2026-03-02T09:30:12+08:00\","
      + "\"data\":{\"deviceId\":\"cam-1\",\"eventType\":\"NO_HELMET\",\"state\":\"START\",\"outcome\":\"VIOLATION\","
      + "\"sourceEventKey\":\"k-1\"%s}}";

  private static final ContractValidator VALIDATOR =
      ContractValidator.create(Contract.load());
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static ECKey key;
  private final HttpClient http = HttpClient.newHttpClient();
  private Sandbox sandbox;

  @TempDir
  Path dir;

  @BeforeAll
  static void makeKey() throws Exception {
    key = new ECKeyGenerator(Curve.P_256).keyID("sandbox-test-k1").algorithm(JWSAlgorithm.ES256).generate();
  }

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private Sandbox start(FaultScript faults) {
    sandbox = Sandbox.start(SandboxSettings.of(CONNECTOR, new JWKSet(key.toPublicJWK()).toString(true), faults,
        Clock.systemUTC()));
    return sandbox;
  }

  private CapillaryClient client() {
    return new CapillaryClientBuilder().endpoint(sandbox.endpoint().toString()).connectorId(CONNECTOR)
        .credential(CapillaryKeyCredential.fromJwk(key.toJSONString())).retryOptions(RetryOptions.disabled())
        .buildClient();
  }

  private HttpResponse<String> postAlert(String body, String idempotencyKey) throws IOException, InterruptedException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SignedRequest signed = JwsRequestSigner.create(CapillaryKeyCredential.fromJwk(key.toJSONString()), Clock.systemUTC())
        .sign("POST", "/v1/alerts", bytes, idempotencyKey);
    return http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/v1/alerts"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
        .header("Content-Type", "application/cloudevents+json")
        .header("Idempotency-Key", idempotencyKey)
        .header("Capillary-Signature", signed.headerValue())
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String alert(String id, String extra) {
    return String.format(ALERT, id, extra);
  }

  @Test
  void anSdkUploadCompletesThroughTheTusEndpoints() throws Exception {
    start(FaultScript.none());
    UploadedMedia photo = client().uploadMedia(Files.write(dir.resolve("p.jpg"), new byte[3000]),
        UploadOptions.builder(UploadCreation.KindEnum.PHOTO, "image/jpeg").chunkSize(1024).build());

    assertThat(sandbox.completedUploads()).containsEntry(photo.mediaId(), photo.sha256());
    assertThat(sandbox.received()).extracting(ReceivedRequest::operationId)
        .contains("createUpload", "appendUploadChunk").doesNotContainNull();
    assertThat(sandbox.received()).allMatch(ReceivedRequest::valid);
    assertThat(sandbox.received()).filteredOn(r -> "appendUploadChunk".equals(r.operationId())).hasSize(3);
  }

  @Test
  void aRepeatWithTheSameKeyIsReplayedAndWithAnotherBodyRefused() throws Exception {
    start(FaultScript.none());
    String key1 = UUID.randomUUID().toString();

    HttpResponse<String> first = postAlert(alert("1", ""), key1);
    HttpResponse<String> again = postAlert(alert("1", ""), key1);
    HttpResponse<String> other = postAlert(alert("2", ""), key1);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(sandbox.received()).extracting(ReceivedRequest::filedNew).containsExactly(true, false, false);
    assertThat(sandbox.received().get(2).problemCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void aRecordCitingMediaNotUploadedIsMediaNotReady() throws Exception {
    start(FaultScript.none());

    HttpResponse<String> answer = postAlert(alert("3", ",\"snapshot\":{\"mediaId\":\"med-missing\",\"sha256\":\""
        + "0".repeat(64) + "\"}"), UUID.randomUUID().toString());

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(sandbox.received().get(0).problemCode()).isEqualTo("MEDIA_NOT_READY");
    assertThat(sandbox.received().get(0).valid()).isTrue();
  }

  @Test
  void playsTheFaultScript() throws Exception {
    start(FaultScript.none()
        .and("publishAlert", 1, new Fault.TooManyRequests(Duration.ofSeconds(7)))
        .and("publishAlert", 2, new Fault.DroppedConnection(true)));
    String idk = UUID.randomUUID().toString();

    HttpResponse<String> limited = postAlert(alert("4", ""), idk);
    assertThatThrownBy(() -> postAlert(alert("4", ""), idk)).isInstanceOf(IOException.class);
    HttpResponse<String> replayed = postAlert(alert("4", ""), idk);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("7");
    assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(sandbox.received()).extracting(ReceivedRequest::status).containsExactly(429, 0, 201);
    assertThat(sandbox.received().get(1).filedNew()).isTrue();
    assertThat(sandbox.received().get(0).fault()).isInstanceOf(Fault.TooManyRequests.class);
  }

  @Test
  void recordsAnUnsignedRequestWithItsFinding() throws Exception {
    start(FaultScript.none());

    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/v1/alerts"))
        .POST(HttpRequest.BodyPublishers.ofString(alert("5", ""))).header("Idempotency-Key", "k-5")
        .header("Content-Type", "application/cloudevents+json").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Capillary-Signature");
    assertThat(sandbox.received()).singleElement().satisfies(r -> {
      assertThat(r.findings()).extracting(Finding::code).containsExactly("SIGNATURE_MISSING");
      assertThat(r.findings()).extracting(Finding::requirement).containsExactly("CAP-SIG-01");
    });
  }

  @Test
  void theSdkFilesARecordAndVerifiesItsReceipt() throws Exception {
    start(FaultScript.none());
    String json = alert("6", "");
    org.capillary.sdk.models.AlertEvent event = new com.fasterxml.jackson.databind.ObjectMapper()
        .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
        .disable(com.fasterxml.jackson.databind.DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .readValue(json, org.capillary.sdk.models.AlertEvent.class);

    SubmissionReceipt receipt = client().publishAlert(event);

    assertThat(receipt.submissionId()).matches("^sub_[0-9A-HJKMNP-TV-Z]{26}$");
    assertThat(sandbox.received()).filteredOn(ReceivedRequest::filedNew).singleElement()
        .satisfies(r -> assertThat(r.submissionId()).isEqualTo(receipt.submissionId()));
  }

  private HttpResponse<String> get(String target) throws IOException, InterruptedException {
    SignedRequest signed = JwsRequestSigner.create(CapillaryKeyCredential.fromJwk(key.toJSONString()), Clock.systemUTC())
        .sign("GET", target, new byte[0], null);
    return http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve(target)).GET()
        .header("Capillary-Signature", signed.headerValue()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> violations(String schemaFile, String body) {
    return VALIDATOR.validateAgainst(schemaFile, JSON.readTree(body)).stream()
        .map(v -> v.pointer() + " " + v.code()).toList();
  }

  @Test
  void answersTheReadsAConnectorMakesAsTheContractShapesThem() throws Exception {
    start(FaultScript.none());
    String filed = JSON.readTree(postAlert(alert("7", ""), UUID.randomUUID().toString()).body())
        .get("submissionId").asString();

    HttpResponse<String> status = get("/v1/submissions/" + filed);
    HttpResponse<String> unknown = get("/v1/submissions/sub_01M8HTG9N8DYB23EEW5WX3RF83");
    HttpResponse<String> obligations = get("/v1/projects/FT-XE-2026-000123/obligations");
    HttpResponse<String> alerts = get("/v1/alerts?projectId=FT-XE-2026-000123");
    HttpResponse<String> hazards = get("/v1/projects/FT-XE-2026-000123/hazards");

    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(violations("schemas/SubmissionStatus.json", status.body())).isEmpty();
    assertThat(JSON.readTree(status.body()).get("status").asString()).isEqualTo("PROCESSED");
    assertThat(JSON.readTree(status.body()).get("submissionId").asString()).isEqualTo(filed);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(obligations.statusCode()).isEqualTo(200);
    assertThat(violations("schemas/ObligationList.json", obligations.body())).isEmpty();
    assertThat(JSON.readTree(obligations.body()).get("projectId").asString()).isEqualTo("FT-XE-2026-000123");
    assertThat(alerts.statusCode()).isEqualTo(200);
    assertThat(violations("schemas/AlertPage.json", alerts.body())).isEmpty();
    assertThat(hazards.statusCode()).isEqualTo(404);
    assertThat(sandbox.received()).allMatch(ReceivedRequest::valid);
  }
}
