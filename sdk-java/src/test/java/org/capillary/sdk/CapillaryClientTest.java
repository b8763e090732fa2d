package org.capillary.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.exception.AuthenticationException;
import org.capillary.sdk.exception.CapillaryClientException;
import org.capillary.sdk.exception.CapillaryServiceException;
import org.capillary.sdk.exception.ConflictException;
import org.capillary.sdk.exception.NotFoundException;
import org.capillary.sdk.exception.RateLimitedException;
import org.capillary.sdk.exception.ReceiptVerificationException;
import org.capillary.sdk.exception.ValidationException;
import org.capillary.sdk.exception.Violation;
import org.capillary.sdk.http.RetryOptions;
import org.capillary.sdk.implementation.Json;
import org.capillary.sdk.models.Hazard;
import org.capillary.sdk.models.HazardListOptions;
import org.capillary.sdk.models.Inspection;
import org.capillary.sdk.models.SubmissionReceipt;
import org.capillary.sdk.models.WriteOptions;
import org.capillary.sdk.testing.FakeGateway;
import org.capillary.sdk.testing.RecordingSleeper;
import org.capillary.sdk.testing.Vectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client over HTTP against WireMock: signing, idempotency, retries, problems, receipts. */
class CapillaryClientTest {

  private static final String PROJECT = "FT-2026-000123";
  private static final String PATH = "/v1/projects/" + PROJECT + "/inspections";
  private static final Instant NOW = Instant.ofEpochSecond(1772415000);

  private FakeGateway gateway;
  private RecordingSleeper sleeper;

  @BeforeEach
  void start() {
    gateway = new FakeGateway();
    sleeper = new RecordingSleeper();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private CapillaryClientBuilder builder() {
    return new CapillaryClientBuilder()
        .endpoint(gateway.endpoint())
        .connectorId(FakeGateway.CONNECTOR)
        .credential(CapillaryKeyCredential.fromJwk(Vectors.text("vectors/signing/keys/test-es256-1.private.jwk.json")))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .readTimeout(Duration.ofSeconds(5))
        .sleeper(sleeper)
        .retryOptions(RetryOptions.builder().maxRetries(3).baseDelay(Duration.ofMillis(100)).build());
  }

  static Inspection inspection() {
    JsonNode example = Vectors.json("examples/submitInspection/valid-minimal.json").get("body");
    try {
      return Json.MAPPER.treeToValue(example, Inspection.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode protectedHeader(LoggedRequest r) throws IOException {
    String sig = r.getHeader("Capillary-Signature");
    return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(sig.substring(0, sig.indexOf('.'))));
  }

  private List<LoggedRequest> posts() {
    return gateway.server().findAll(postRequestedFor(urlEqualTo(PATH)));
  }

  private void stubSequence(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
    String state = STARTED;
    for (int i = 0; i < answers.length; i++) {
      String next = i + 1 < answers.length ? "attempt-" + (i + 2) : "done";
      gateway.server().stubFor(post(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs(state)
          .willReturn(answers[i]).willSetStateTo(next));
      state = next;
    }
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String code,
      String extra) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
        .withHeader("X-Request-Id", "req-1")
        .withBody("{\"type\":\"https://capillary.dev/problems/x\",\"title\":\"t\",\"status\":" + status
            + ",\"code\":\"" + code + "\",\"requestId\":\"req-9\"" + extra + "}");
  }

  @Test
  void submitsSignedAndReturnsTheVerifiedReceipt() throws IOException {
    gateway.server().stubFor(post(urlEqualTo(PATH)).willReturn(FakeGateway.receipt("submitInspection")));
    Inspection inspection = inspection();

    SubmissionReceipt receipt = builder().buildClient().submitInspection(PROJECT, inspection);

    LoggedRequest sent = posts().get(0);
    assertThat(sent.getBody()).isEqualTo(Json.write(inspection));
    assertThat(new String(sent.getBody(), StandardCharsets.UTF_8)).doesNotContain("null");
    assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
    JsonNode header = protectedHeader(sent);
    assertThat(header.get("alg").asText()).isEqualTo("ES256");
    assertThat(header.get("kid").asText()).isEqualTo("test-es256-1");
    assertThat(header.get("typ").asText()).isEqualTo("capillary-request+jws");
    assertThat(header.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
    assertThat(header.get("htm").asText()).isEqualTo("POST");
    assertThat(header.get("htp").asText()).isEqualTo(PATH);
    assertThat(header.get("idk").asText()).isEqualTo(sent.getHeader("Idempotency-Key")).isEqualTo(receipt.idempotencyKey());
    assertThat(header.get("cdg").asText()).isEqualTo(sent.getHeader("Content-Digest"));
    assertThat(receipt.claims().operationId()).isEqualTo("submitInspection");
    assertThat(receipt.claims().connectorId()).isEqualTo(FakeGateway.CONNECTOR);
    assertThat(receipt.claims().jti()).isEqualTo(header.get("jti").asText());
    assertThat(receipt.submissionId()).isEqualTo(receipt.document().getSubmissionId());
    assertThat(receipt.replayed()).isFalse();
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void retries503WithTheSameKeyAndBodyAndAFreshSignature() throws IOException {
    stubSequence(problem(503, "SERVICE_UNAVAILABLE", ""), problem(502, "BAD_GATEWAY", ""),
        FakeGateway.receipt("submitInspection"));

    SubmissionReceipt receipt = builder().buildClient().submitInspection(PROJECT, inspection(),
        WriteOptions.idempotencyKey("my-key-0001"));

    List<LoggedRequest> sent = posts();
    assertThat(sent).hasSize(3);
    assertThat(sent).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly("my-key-0001");
    assertThat(sent.stream().map(r -> new String(r.getBody(), StandardCharsets.UTF_8)).collect(Collectors.toSet())).hasSize(1);
    assertThat(sent.stream().map(r -> r.getHeader("Capillary-Signature")).collect(Collectors.toSet())).hasSize(3);
    List<String> jtis = new ArrayList<>();
    for (LoggedRequest r : sent) {
      jtis.add(protectedHeader(r).get("jti").asText());
    }
    assertThat(Set.copyOf(jtis)).hasSize(3);
    assertThat(receipt.claims().jti()).isEqualTo(jtis.get(2));
    assertThat(receipt.idempotencyKey()).isEqualTo("my-key-0001");
    assertThat(sleeper.sleeps).hasSize(2);
    assertThat(sleeper.sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(sleeper.sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void honoursRetryAfterInSecondsAndAsAnHttpDate() {
    stubSequence(problem(503, "SERVICE_UNAVAILABLE", "").withHeader("Retry-After", "7"),
        problem(429, "RATE_LIMITED", "").withHeader("Retry-After", "Mon, 02 Mar 2026 01:30:20 GMT"),
        FakeGateway.receipt("submitInspection"));

    builder().buildClient().submitInspection(PROJECT, inspection());

    // NOW is 01:30:00 UTC: the date is 20 s away.
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(20));
  }

  @Test
  void rateLimitedAfterRetriesAreExhausted() {
    gateway.server().stubFor(post(urlEqualTo(PATH)).willReturn(problem(429, "RATE_LIMITED", "").withHeader("Retry-After", "2")));

    assertThatThrownBy(() -> builder().retryOptions(RetryOptions.builder().maxRetries(2).build()).buildClient()
        .submitInspection(PROJECT, inspection()))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(429);
          assertThat(e.errorCode()).isEqualTo("RATE_LIMITED");
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
          assertThat(e.isRetryable()).isTrue();
          assertThat(e.requestId()).isEqualTo("req-9");
        });
    assertThat(posts()).hasSize(3);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @CsvSource({"501", "505", "400", "500"})
  void doesNotRetry501Or505OrClientErrorsButRetries500(int status) {
    gateway.server().stubFor(post(urlEqualTo(PATH)).willReturn(problem(status, "X", "")));

    assertThatThrownBy(() -> builder().buildClient().submitInspection(PROJECT, inspection()))
        .isInstanceOfSatisfying(CapillaryServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(status));
    assertThat(posts()).hasSize(status == 500 ? 4 : 1);
  }

  @Test
  void retriesNothingWhenRetriesAreDisabled() {
    gateway.server().stubFor(post(urlEqualTo(PATH)).willReturn(problem(503, "SERVICE_UNAVAILABLE", "")));

    assertThatThrownBy(() -> builder().retryOptions(RetryOptions.disabled()).buildClient()
        .submitInspection(PROJECT, inspection())).isInstanceOf(CapillaryServiceException.class);
    assertThat(posts()).hasSize(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
  void retriesFaultsMidResponse(Fault fault) {
    stubSequence(aResponse().withFault(fault), FakeGateway.receipt("submitInspection"));

    SubmissionReceipt receipt = builder().buildClient().submitInspection(PROJECT, inspection());

    assertThat(posts()).hasSize(2);
    assertThat(posts()).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(receipt.idempotencyKey());
  }

  @Test
  void aTimeoutIsRetriedAndFinallyAClientException() {
    gateway.server().stubFor(post(urlEqualTo(PATH)).willReturn(FakeGateway.receipt("submitInspection").withFixedDelay(1500)));

    assertThatThrownBy(() -> builder().readTimeout(Duration.ofMillis(200))
        .retryOptions(RetryOptions.builder().maxRetries(1).build()).buildClient()
        .submitInspection(PROJECT, inspection()))
        .isInstanceOf(CapillaryClientException.class).hasMessageContaining("outcome is unknown");
    assertThat(posts()).hasSize(2);
  }

  @Test
  void problemDocumentsBecomeTypedExceptions() {
    gateway.server().stubFor(post(urlEqualTo(PATH)).willReturn(problem(422, "VALIDATION_FAILED",
        ",\"errors\":[{\"pointer\":\"/findings/0/rectificationDeadline\",\"code\":\"REQUIRED\"},"
            + "{\"pointer\":\"/inspectors\",\"code\":\"MIN_ITEMS\",\"detail\":\"at least 1\"}]")));

    assertThatThrownBy(() -> builder().buildClient().submitInspection(PROJECT, inspection()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(422);
          assertThat(e.errorCode()).isEqualTo("VALIDATION_FAILED");
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.violations()).containsExactly(
              new Violation("/findings/0/rectificationDeadline", "REQUIRED", null),
              new Violation("/inspectors", "MIN_ITEMS", "at least 1"));
          assertThat(e.problem()).isNotNull();
        });
  }

  @ParameterizedTest
  @CsvSource({
      "401, SIGNATURE_INVALID, AuthenticationException",
      "403, PROJECT_NOT_COVERED, AuthenticationException",
      "404, NOT_FOUND, NotFoundException",
      "409, IDEMPOTENCY_IN_FLIGHT, ConflictException",
      "422, IDEMPOTENCY_KEY_REUSED, ConflictException",
      "422, UNKNOWN_PROJECT, CapillaryServiceException",
      "400, INVALID_PARAMETER, ValidationException",
      "412, PRECONDITION_FAILED, PreconditionFailedException"})
  void mapsStatusAndCodeToTheExceptionType(int status, String code, String type) {
    gateway.server().stubFor(post(urlEqualTo(PATH)).willReturn(problem(status, code, "")));

    assertThatThrownBy(() -> builder().buildClient().submitInspection(PROJECT, inspection()))
        .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(type))
        .isInstanceOfSatisfying(CapillaryServiceException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(code);
          assertThat(e.statusCode()).isEqualTo(status);
        });
  }

  @Test
  void anErrorWithoutAProblemDocumentStillCarriesStatusAndRequestId() {
    gateway.server().stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)
        .withHeader("X-Request-Id", "req-abc").withBody("<html>nope</html>")));

    assertThatThrownBy(() -> builder().buildClient().submitInspection(PROJECT, inspection()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.requestId()).isEqualTo("req-abc");
          assertThat(e.errorCode()).isNull();
          assertThat(e.problem()).isNull();
        });
  }

  @ParameterizedTest
  @CsvSource({"cid, test-connector-b", "op, submitDrill", "cdg, sha-256=:AAAA:", "idk, other-key", "jti, 01JNKQ8W3H5V7Z2M4X6C8B0D1E", "key, x"})
  void aReceiptThatDoesNotVerifyOrMatchIsAnError(String claim, String value) {
    gateway.server().stubFor(post(urlEqualTo(PATH)).willReturn(FakeGateway.receipt("submitInspection", claim, value)));

    assertThatThrownBy(() -> builder().buildClient().submitInspection(PROJECT, inspection()))
        .isInstanceOf(ReceiptVerificationException.class)
        .hasMessageContaining("key".equals(claim) ? "signature" : claim);
    assertThat(posts()).hasSize(1);
  }

  @Test
  void replayedAnswerOfAnEarlierAttemptVerifies() {
    // The first attempt is stored but its answer lost; the retry gets the stored receipt naming the first jti.
    stubSequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), FakeGateway.receipt("submitInspection"));
    SubmissionReceipt receipt = builder().buildClient().submitInspection(PROJECT, inspection());
    assertThat(receipt.claims().jti()).isNotBlank();
  }

  @Test
  void readsAreSignedWithoutIdempotencyKeyAndPagesAreFollowed() throws IOException {
    gateway.server().stubFor(get(urlPathEqualTo("/v1/hazards")).withQueryParam("status", equalTo("OPEN"))
        .inScenario("pages").whenScenarioStateIs(STARTED).willSetStateTo("second")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"items\":[" + hazard("H-1") + "," + hazard("H-2") + "],\"page\":{\"limit\":2,\"nextCursor\":\"c/2+x\"}}")));
    gateway.server().stubFor(get(urlPathEqualTo("/v1/hazards")).withQueryParam("cursor", equalTo("c/2+x"))
        .inScenario("pages").whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"items\":[" + hazard("H-3") + "],\"page\":{\"limit\":2,\"nextCursor\":null},\"futureMember\":1}")));

    List<String> ids = new ArrayList<>();
    for (Hazard h : builder().buildClient().listHazards(new HazardListOptions(null, "OPEN", null, null, 2))) {
      ids.add(h.getHazardId());
    }

    assertThat(ids).containsExactly("H-1", "H-2", "H-3");
    List<LoggedRequest> reads = gateway.server().findAll(getRequestedFor(urlPathEqualTo("/v1/hazards")));
    assertThat(reads).hasSize(2);
    for (LoggedRequest r : reads) {
      JsonNode header = protectedHeader(r);
      assertThat(header.has("idk")).isFalse();
      assertThat(r.getHeader("Idempotency-Key")).isNull();
      assertThat(header.get("htp").asText()).isEqualTo(r.getUrl());
      assertThat(header.get("cdg").asText()).isEqualTo("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:");
    }
    assertThat(reads.get(1).getUrl()).isEqualTo("/v1/hazards?cursor=c%2F2%2Bx&limit=2&status=OPEN");
  }

  private static String hazard(String id) {
    return "{\"hazardId\":\"" + id + "\",\"projectId\":\"" + PROJECT + "\",\"status\":\"SOME_NEW_STATUS\"}";
  }

  @Test
  void asyncClientRetriesAndVerifiesToo() {
    stubSequence(problem(503, "SERVICE_UNAVAILABLE", "").withHeader("Retry-After", "1"),
        aResponse().withFault(Fault.EMPTY_RESPONSE), FakeGateway.receipt("submitInspection"));

    SubmissionReceipt receipt = builder().buildAsyncClient().submitInspection(PROJECT, inspection()).join();

    assertThat(posts()).hasSize(3);
    assertThat(posts()).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(receipt.idempotencyKey());
    assertThat(sleeper.sleeps).hasSize(2).first().isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void asyncClientFailsWithTheSameExceptions() {
    gateway.server().stubFor(post(urlEqualTo(PATH)).willReturn(problem(422, "VALIDATION_FAILED", ",\"errors\":[]")));

    assertThatThrownBy(() -> builder().buildAsyncClient().submitInspection(PROJECT, inspection()).join())
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ValidationException.class);
  }

  @Test
  void builderRequiresEndpointConnectorAndCredential() {
    assertThatThrownBy(() -> new CapillaryClientBuilder().endpoint("https://g.example").buildClient())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new CapillaryClientBuilder().endpoint("ftp://g.example"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CapillaryClientBuilder().connectorId("bad id"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
