package org.capillary.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capillary.gateway.e2e.PipelineChecks.assertProblem;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.capillary.gateway.ratelimit.RateLimiter;
import org.capillary.gateway.ratelimit.RedisRateLimiter;
import org.capillary.gateway.replay.RedisReplayCache;
import org.capillary.gateway.replay.ReplayCache;
import org.capillary.gateway.store.IdempotencyStore;
import org.capillary.gateway.support.Scenario;
import org.capillary.gateway.support.SignedClient;
import org.capillary.gateway.support.SpecExamples;
import org.capillary.gateway.support.SpecExamples.Example;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The same pipeline on the production profile, against the machine's real PostgreSQL (a schema of
 * this class's own, migrated by Flyway, dropped afterwards) and real Redis (rate-limit buckets and
 * the replay cache): valid examples of a few operations stored with verifiable receipts,
 * idempotency, jti replay, rate limits and health.
 *
 * <p>Only the demo operator is seeded from the demo file's keys to bootstrap; every request of the
 * checks is made by connectors this class registers with fresh keys and ids, so other processes
 * sharing that Redis (two-replica tests, other runs) cannot drain or reconfigure their buckets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ActiveProfiles("production")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {
    "capillary.gateway.connectors.seed-file=classpath:connectors/demo-connectors.yaml",
    "capillary.gateway.redis.uri=redis://127.0.0.1:6379",
    // generous: the fail-fast defaults (200 ms, 500 ms) refuse requests while a loaded test
    // machine is slow to make the first connection
    "capillary.gateway.redis.command-timeout=2s",
    "capillary.gateway.redis.connect-timeout=5s",
    "capillary.gateway.rate-limit.plans.standard.capacity=100",
    "capillary.gateway.rate-limit.plans.standard.window=PT1S",
    "capillary.gateway.rate-limit.plans.devices.capacity=500",
    "capillary.gateway.rate-limit.plans.devices.window=PT1S",
    "capillary.gateway.rate-limit.plans.operator.capacity=50",
    "capillary.gateway.rate-limit.plans.operator.window=PT1S",
    "capillary.gateway.rate-limit.plans.e2e.capacity=1000",
    "capillary.gateway.rate-limit.plans.e2e.window=PT1S",
    "capillary.gateway.rate-limit.plans.tiny.capacity=3",
    "capillary.gateway.rate-limit.plans.tiny.window=PT1H"})
class ProductionProfileEndToEndTest {

  private static final String POSTGRES = System.getProperty("capillary.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String POSTGRES_USER = System.getProperty("capillary.test.postgres.user", "postgres");
  private static final String SCHEMA =
      "capillary_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  private static final Path DIR;
  private static final Path KEY_FILE;

  /** Operations of the representative slice. */
  private static final Set<String> SLICE = Set.of("registerPolicy", "submitInspection", "publishAlert", "registerConnector");

  static {
    try {
      DIR = Files.createTempDirectory("capillary-e2e-production");
      KEY_FILE = DIR.resolve("gateway-key.jwk.json");
      // a managed key, as production requires: provided, not created by the gateway
      Files.writeString(KEY_FILE, new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
          .keyIDFromThumbprint(true).generate().toJSONString(), StandardCharsets.UTF_8);
    } catch (IOException | com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void production(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES + "?currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> POSTGRES_USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.schemas", () -> SCHEMA);
    registry.add("spring.flyway.create-schemas", () -> "true");
    registry.add("capillary.gateway.data-dir", DIR::toString);
    registry.add("capillary.gateway.key-file", KEY_FILE::toString);
  }

  /** The connectors of the checks, registered once per class. */
  private static Scenario.Registered operator;
  private static Scenario.Registered insurerA;
  private static Scenario.Registered insurerB;
  private static Scenario.Registered vendor;

  @Autowired
  WebTestClient client;

  @Autowired
  DataSource dataSource;

  @Autowired
  IdempotencyStore idempotency;

  @Autowired
  RateLimiter rateLimiter;

  @Autowired
  ReplayCache replayCache;

  Scenario scenario;
  PipelineChecks checks;

  @BeforeEach
  void freshConnectors() {
    Scenario bootstrap = new Scenario(client);
    if (operator == null) {
      operator = bootstrap.register("OPERATOR", "e2e");
      Scenario byOperator = new Scenario(client, operator.client(), bootstrap.insurerA, bootstrap.insurerB, bootstrap.vendor, bootstrap.subdistrict);
      insurerA = byOperator.register("INSURER", "e2e");
      insurerB = byOperator.register("INSURER", "e2e");
      vendor = byOperator.register("DEVICE_VENDOR", "e2e");
    }
    scenario = new Scenario(client, operator.client(), insurerA.client(), insurerB.client(), vendor.client(), bootstrap.subdistrict);
    checks = new PipelineChecks(client, scenario, dataSource, idempotency, insurerA.connectorId());
  }

  @AfterAll
  static void dropSchema() throws Exception {
    try (Connection c = DriverManager.getConnection(POSTGRES, POSTGRES_USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  @Test
  void runsOnPostgresAndRedis() throws Exception {
    assertThat(rateLimiter).isInstanceOf(RedisRateLimiter.class);
    assertThat(replayCache).isInstanceOf(RedisReplayCache.class);
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(c.getSchema()).isEqualTo(SCHEMA);
    }
    // the limiter's bucket and the replay cache's entry of a request are in Redis
    byte[] body = checks.policy();
    String key = scenario.id("idk");
    String jti = UUID.randomUUID().toString();
    EntityExchangeResult<byte[]> stored = client.post().uri("/v1/policies")
        .header("Content-Type", "application/json").header("Idempotency-Key", key)
        .header("Capillary-Signature", insurerA.signer().sign("POST", "/v1/policies", body, key, java.time.Instant.now(), jti))
        .bodyValue(body).exchange().expectBody().returnResult();
    assertThat(stored.getStatus().value()).as(SignedClient.text(stored)).isEqualTo(201);
    RedisClient redis = RedisClient.create("redis://127.0.0.1:6379");
    try (StatefulRedisConnection<String, String> connection = redis.connect()) {
      assertThat(connection.sync().exists("capillary:rl:" + insurerA.connectorId())).isEqualTo(1L);
      assertThat(connection.sync().exists("capillary:jti:" + insurerA.connectorId() + ":" + jti)).isEqualTo(1L);
    } finally {
      redis.shutdown();
    }
  }

  static Stream<Example> slice() {
    return SpecExamples.all().stream().filter(Example::valid).filter(e -> SLICE.contains(e.operationId()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("slice")
  void validExampleIsStoredWithAVerifiableReceipt(Example example) throws Exception {
    checks.validExampleIsStoredWithAVerifiableReceipt(example);
  }

  @Test
  void sameKeyAndBodyIsAnsweredFromTheStore() {
    checks.sameKeyAndBodyIsAnsweredFromTheStore();
  }

  @Test
  void sameKeyWithAnotherBodyIsRefused() {
    checks.sameKeyWithAnotherBodyIsRefused();
  }

  @Test
  void keyInFlightIsRefusedWithRetryAfter() {
    checks.keyInFlightIsRefusedWithRetryAfter();
  }

  @Test
  void validationFailureReleasesTheKey() {
    checks.validationFailureReleasesTheKey();
  }

  @Test
  void replayedSignatureIsRefused() {
    byte[] body = checks.policy();
    String key = scenario.id("idk");
    String signature = insurerA.signer().sign("POST", "/v1/policies", body, key);
    EntityExchangeResult<byte[]> first = send(body, key, signature);
    assertThat(first.getStatus().value()).as(SignedClient.text(first)).isEqualTo(201);
    assertProblem(send(body, key, signature), 403, "SIGNATURE_REPLAYED");
  }

  @Test
  void theFourthRequestOfAThreeRequestPlanIsRateLimited() {
    checks.fourthRequestOfAThreeRequestPlanIsRateLimited(scenario.register("INSURER", "tiny"));
  }

  @Test
  void healthShowsTheDatabaseAndRedisUp() {
    EntityExchangeResult<byte[]> result = client.get().uri("/actuator/health").exchange().expectBody().returnResult();
    assertThat(result.getStatus().value()).as(SignedClient.text(result)).isEqualTo(200);
    JsonNode health = SignedClient.json(result);
    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/db/status").asString()).as(SignedClient.text(result)).isEqualTo("UP");
    assertThat(health.at("/components/db/details/database").asString()).isEqualTo("PostgreSQL");
    assertThat(health.at("/components/capillaryRedis/status").asString()).as(SignedClient.text(result)).isEqualTo("UP");
    EntityExchangeResult<byte[]> readiness = client.get().uri("/actuator/health/readiness").exchange().expectBody().returnResult();
    assertThat(readiness.getStatus().value()).as(SignedClient.text(readiness)).isEqualTo(200);
  }

  private EntityExchangeResult<byte[]> send(byte[] body, String key, String signature) {
    return client.post().uri("/v1/policies")
        .header("Content-Type", "application/json").header("Idempotency-Key", key).header("Capillary-Signature", signature)
        .bodyValue(body).exchange().expectBody().returnResult();
  }
}
