package org.capillary.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.capillary.gateway.jws.ContentDigest;
import org.capillary.gateway.store.IdempotencyDecision;
import org.capillary.gateway.store.IdempotencyStore;
import org.capillary.gateway.support.Scenario;
import org.capillary.gateway.support.SignedClient;
import org.capillary.gateway.support.SpecExamples;
import org.capillary.gateway.support.SpecExamples.Example;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * End-to-end checks shared by the embedded and the production profile's tests, so both profiles
 * are held to exactly the same behaviour: a valid example stored with a verifiable receipt, and
 * the Idempotency-Key semantics (replay, conflict, in flight, release on failure).
 */
final class PipelineChecks {

  private final WebTestClient client;
  private final Scenario scenario;
  private final JdbcClient jdbc;
  private final IdempotencyStore idempotency;
  /** The connector id of {@link Scenario#insurerA}. */
  private final String insurerId;

  PipelineChecks(WebTestClient client, Scenario scenario, DataSource dataSource, IdempotencyStore idempotency, String insurerId) {
    this.client = client;
    this.scenario = scenario;
    this.jdbc = JdbcClient.create(dataSource);
    this.idempotency = idempotency;
    this.insurerId = insurerId;
  }

  /** A valid example is stored (one ledger row, byte for byte) and answered 201 with a receipt that verifies. */
  void validExampleIsStoredWithAVerifiableReceipt(Example example) throws Exception {
    Scenario.Prepared request = scenario.prepare(example.operationId(), example.body());
    byte[] body = SignedClient.JSON.writeValueAsBytes(request.body());
    String key = scenario.id("idk");
    EntityExchangeResult<byte[]> result = request.client().write(request.method(), request.path(), request.contentType(), body, key);

    assertThat(result.getStatus().value()).as(SignedClient.text(result)).isEqualTo(201);
    JsonNode answer = SignedClient.json(result);
    String submissionId = answer.path("submissionId").asString();
    assertThat(answer.path("operationId").asString()).isEqualTo(example.operationId());
    assertThat(answer.path("contentDigest").asString()).isEqualTo(ContentDigest.of(body));
    JWSObject receipt = JWSObject.parse(answer.path("receipt").asString());
    assertThat(receipt.verify(new ECDSAVerifier(gatewayKey(receipt.getHeader().getKeyID())))).isTrue();
    assertThat(receipt.getPayload().toJSONObject()).containsEntry("sub", submissionId)
        .containsEntry("op", example.operationId()).containsEntry("cdg", ContentDigest.of(body)).containsEntry("idk", key);
    byte[] stored = jdbc.sql("SELECT body FROM submission WHERE submission_id = ?").param(submissionId).query(byte[].class).single();
    assertThat(stored).isEqualTo(body);
  }

  /** Same key, same body: the stored answer again, marked replayed; one row in the ledger. */
  void sameKeyAndBodyIsAnsweredFromTheStore() {
    byte[] body = policy();
    String key = scenario.id("idk");
    EntityExchangeResult<byte[]> first = scenario.insurerA.write("POST", "/v1/policies", "application/json", body, key);
    assertThat(first.getStatus().value()).as(SignedClient.text(first)).isEqualTo(201);
    assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();

    EntityExchangeResult<byte[]> again = scenario.insurerA.write("POST", "/v1/policies", "application/json", body, key);
    assertThat(again.getStatus().value()).as(SignedClient.text(again)).isEqualTo(201);
    assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
    assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());

    String submissionId = SignedClient.json(first).path("submissionId").asString();
    EntityExchangeResult<byte[]> status = scenario.insurerA.get("/v1/submissions/" + submissionId);
    assertThat(status.getStatus().value()).as(SignedClient.text(status)).isEqualTo(200);
    assertThat(SignedClient.json(status).path("receipt").asString()).isEqualTo(SignedClient.json(first).path("receipt").asString());
    assertThat(rows(key)).isEqualTo(1);
  }

  /** Same key, another body (or another operation): IDEMPOTENCY_KEY_REUSED, nothing stored. */
  void sameKeyWithAnotherBodyIsRefused() {
    String key = scenario.id("idk");
    EntityExchangeResult<byte[]> first = scenario.insurerA.write("POST", "/v1/policies", "application/json", policy(), key);
    assertThat(first.getStatus().value()).as(SignedClient.text(first)).isEqualTo(201);

    EntityExchangeResult<byte[]> other = scenario.insurerA.write("POST", "/v1/policies", "application/json", policy(), key);
    assertProblem(other, 422, "IDEMPOTENCY_KEY_REUSED");

    String[] project = scenario.coveredProject();
    byte[] status = SignedClient.JSON.writeValueAsBytes(SpecExamples.firstValid("reportWorksStatus"));
    EntityExchangeResult<byte[]> otherOperation = scenario.insurerA.write("POST",
        "/v1/projects/" + project[1] + "/status-changes", "application/json", status, key);
    assertProblem(otherOperation, 422, "IDEMPOTENCY_KEY_REUSED");
    assertThat(rows(key)).isEqualTo(1);
  }

  /** Keys belong to their connector: another connector's same key is a new request. */
  void keysAreScopedPerConnector() {
    String key = scenario.id("idk");
    byte[] body = policy();
    EntityExchangeResult<byte[]> a = scenario.insurerA.write("POST", "/v1/policies", "application/json", body, key);
    assertThat(a.getStatus().value()).as(SignedClient.text(a)).isEqualTo(201);
    EntityExchangeResult<byte[]> b = scenario.insurerB.write("POST", "/v1/policies", "application/json", policy(), key);
    assertThat(b.getStatus().value()).as(SignedClient.text(b)).isEqualTo(201);
    assertThat(b.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
  }

  /** A key still held by another request: IDEMPOTENCY_IN_FLIGHT with Retry-After; free once released. */
  void keyInFlightIsRefusedWithRetryAfter() {
    byte[] body = policy();
    String key = scenario.id("idk");
    IdempotencyDecision claim = idempotency.begin(insurerId, key, ContentDigest.of(body), "registerPolicy").block();
    assertThat(claim).isInstanceOf(IdempotencyDecision.Proceed.class);

    EntityExchangeResult<byte[]> busy = scenario.insurerA.write("POST", "/v1/policies", "application/json", body, key);
    assertProblem(busy, 409, "IDEMPOTENCY_IN_FLIGHT");
    assertThat(Long.parseLong(busy.getResponseHeaders().getFirst("Retry-After"))).isBetween(1L, 30L);
    assertThat(SignedClient.json(busy).path("retryable").asBoolean()).isTrue();
    assertThat(rows(key)).isZero();

    idempotency.release(insurerId, key).block();
    EntityExchangeResult<byte[]> later = scenario.insurerA.write("POST", "/v1/policies", "application/json", body, key);
    assertThat(later.getStatus().value()).as(SignedClient.text(later)).isEqualTo(201);
  }

  /** A request refused by validation releases its key: the corrected body may use it. */
  void validationFailureReleasesTheKey() {
    String key = scenario.id("idk");
    JsonNode invalid = scenario.prepare("registerPolicy", SpecExamples.of("registerPolicy").stream()
        .filter(e -> e.name().equals("invalid-premium-format")).findFirst().orElseThrow().body()).body();
    EntityExchangeResult<byte[]> refused = scenario.insurerA.write("POST", "/v1/policies", "application/json",
        SignedClient.JSON.writeValueAsBytes(invalid), key);
    assertProblem(refused, 422, "VALIDATION_FAILED");
    assertThat(rows(key)).isZero();

    EntityExchangeResult<byte[]> corrected = scenario.insurerA.write("POST", "/v1/policies", "application/json", policy(), key);
    assertThat(corrected.getStatus().value()).as(SignedClient.text(corrected)).isEqualTo(201);
    assertThat(corrected.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
    assertThat(rows(key)).isEqualTo(1);
  }

  /**
   * A connector on a plan of 3 requests per hour: RateLimit headers on every answer, RATE_LIMITED
   * with Retry-After at the 4th, and the other connectors' buckets untouched. One token comes back
   * every 20 minutes, so none returns while the check runs, however slow the machine.
   *
   * @param tiny a fresh connector on that plan, named {@code tiny}
   */
  void fourthRequestOfAThreeRequestPlanIsRateLimited(Scenario.Registered tiny) {
    for (int remaining = 2; remaining >= 0; remaining--) {
      EntityExchangeResult<byte[]> ok = tiny.client().write("POST", "/v1/policies", "application/json", policy(), scenario.id("idk"));
      assertThat(ok.getStatus().value()).as(SignedClient.text(ok)).isEqualTo(201);
      assertThat(ok.getResponseHeaders().getFirst("RateLimit-Policy")).isEqualTo("\"tiny\";q=3;w=3600");
      assertThat(ok.getResponseHeaders().getFirst("RateLimit")).startsWith("\"tiny\";r=" + remaining + ";t=");
    }

    EntityExchangeResult<byte[]> limited = tiny.client().write("POST", "/v1/policies", "application/json", policy(), scenario.id("idk"));
    assertProblem(limited, 429, "RATE_LIMITED");
    assertThat(SignedClient.json(limited).path("retryable").asBoolean()).isTrue();
    long retryAfter = Long.parseLong(limited.getResponseHeaders().getFirst("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 1200L);
    assertThat(limited.getResponseHeaders().getFirst("RateLimit-Policy")).isEqualTo("\"tiny\";q=3;w=3600");
    assertThat(limited.getResponseHeaders().getFirst("RateLimit")).startsWith("\"tiny\";r=0;t=");

    // reads count too, and are refused the same way
    assertProblem(tiny.client().get("/v1/submissions/sub_00000000000000000000000000"), 429, "RATE_LIMITED");

    // other connectors have buckets of their own
    EntityExchangeResult<byte[]> other = scenario.insurerA.write("POST", "/v1/policies", "application/json", policy(), scenario.id("idk"));
    assertThat(other.getStatus().value()).as(SignedClient.text(other)).isEqualTo(201);
    assertThat(other.getResponseHeaders().getFirst("RateLimit-Policy")).isNotNull().doesNotContain("\"tiny\"");
  }

  /** A valid registerPolicy body with fresh ids. */
  byte[] policy() {
    return SignedClient.JSON.writeValueAsBytes(
        scenario.prepare("registerPolicy", SpecExamples.firstValid("registerPolicy")).body());
  }

  /** Ledger rows of insurer A with this key. */
  int rows(String key) {
    return jdbc.sql("SELECT count(*) FROM submission WHERE connector_id = ? AND idempotency_key = ?")
        .params(insurerId, key).query(Integer.class).single();
  }

  static void assertProblem(EntityExchangeResult<byte[]> result, int status, String code) {
    assertThat(result.getStatus().value()).as(SignedClient.text(result)).isEqualTo(status);
    assertThat(result.getResponseHeaders().getContentType()).hasToString("application/problem+json");
    JsonNode problem = SignedClient.json(result);
    assertThat(problem.path("code").asString()).isEqualTo(code);
    assertThat(problem.path("requestId").asString()).isEqualTo(result.getResponseHeaders().getFirst("X-Request-Id"));
  }

  private ECKey gatewayKey(String kid) throws Exception {
    byte[] jwks = client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
        .expectBody().returnResult().getResponseBody();
    return (ECKey) JWKSet.parse(new String(jwks, StandardCharsets.UTF_8)).getKeyByKeyId(kid);
  }
}
