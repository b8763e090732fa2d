package org.capillary.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.capillary.gateway.support.TestSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 3, "Scale-out": two gateway processes on the production profile, on one PostgreSQL schema
 * and one Redis, with one gateway key file, enforce one rate limit and one replay and idempotency
 * space. Requests of one connector go to either replica; the answers are those one gateway would
 * give.
 *
 * <p>Each test uses connectors of its own, registered through replica A by the demo operator: their
 * rate-limit buckets and replay entries in Redis are new, and are deleted afterwards (never
 * FLUSHALL: Redis is shared). The schema is dropped afterwards.
 */
class ScaleOutIT {

  /** A plan for the test: 10 requests, refilled at 10 per hour — none during the test. */
  private static final String TINY_PLAN = "it-tiny";
  private static final int TINY_CAPACITY = 10;
  private static final long TINY_WINDOW_SECONDS = 3600;

  private static final String SCHEMA = ItInfrastructure.freshSchema();
  private static final List<String> CONNECTORS = new ArrayList<>();

  private static GatewayProcess replicaA;
  private static GatewayProcess replicaB;
  private static GatewayHttp a;
  private static GatewayHttp b;

  @BeforeAll
  static void startTwoReplicas(@TempDir Path dir) {
    Path keyFile = dir.resolve("gw.jwk.json");
    replicaA = replica("scale-out-a", dir.resolve("a"), keyFile).start();
    // the first replica created the gateway key; the second must load it, not make its own
    assertThat(keyFile).exists();
    replicaB = replica("scale-out-b", dir.resolve("b"), keyFile).start();
    a = new GatewayHttp(replicaA);
    b = new GatewayHttp(replicaB);
    System.out.printf("ScaleOutIT: replica A ready in %d ms, replica B in %d ms%n",
        replicaA.startup().toMillis(), replicaB.startup().toMillis());
  }

  @AfterAll
  static void stopReplicas() throws Exception {
    try {
      if (replicaA != null) {
        replicaA.close();
      }
      if (replicaB != null) {
        replicaB.close();
      }
    } finally {
      ItInfrastructure.deleteRedisKeys(CONNECTORS.toArray(String[]::new));
      ItInfrastructure.dropSchema(SCHEMA);
    }
  }

  private static GatewayProcess.Builder replica(String name, Path workDir, Path keyFile) {
    return GatewayProcess.production(name, workDir, SCHEMA, keyFile)
        .property("capillary.gateway.rate-limit.plans." + TINY_PLAN + ".capacity", Integer.toString(TINY_CAPACITY))
        .property("capillary.gateway.rate-limit.plans." + TINY_PLAN + ".window", "PT" + TINY_WINDOW_SECONDS + "S")
        // a connector registered through one replica reaches the other's directory within this
        .property("capillary.gateway.connectors.refresh-interval", "PT0.5S");
  }

  @Test
  void bothReplicasSignReceiptsWithTheOneGatewayKey() throws Exception {
    String jwksA = a.getPublic("/.well-known/jwks.json").text();
    String jwksB = b.getPublic("/.well-known/jwks.json").text();
    assertThat(jwksB).isEqualTo(jwksA);
    assertThat(com.nimbusds.jose.jwk.JWKSet.parse(jwksA).getKeys()).hasSize(1);
  }

  @Test
  void oneRateLimitAcrossReplicas() {
    FreshConnector connector = connectorKnownToBoth(TINY_PLAN);
    List<GatewayHttp.Response> accepted = new ArrayList<>();
    List<GatewayHttp.Response> refused = new ArrayList<>();
    int acceptedByA = 0;
    int acceptedByB = 0;
    StringBuilder trace = new StringBuilder();
    for (int i = 0; i < 3 * TINY_CAPACITY; i++) {
      GatewayHttp replica = i % 2 == 0 ? a : b;
      byte[] body = ItBodies.compact(ItBodies.policy(ItBodies.id("pol"), ItBodies.projectId()));
      GatewayHttp.Response response = replica.writeOrFail(connector.signer(), "POST", "/v1/policies", "application/json", body,
          ItBodies.id("idk"));
      assertThat(response.status()).as("request %d: %s", i, response).isIn(201, 429);
      trace.append(replica == a ? " A" : " B").append(response.status());
      assertThat(response.header("RateLimit-Policy")).as("request %d", i)
          .isEqualTo("\"" + TINY_PLAN + "\";q=" + TINY_CAPACITY + ";w=" + TINY_WINDOW_SECONDS);
      if (response.status() == 201) {
        accepted.add(response);
        acceptedByA += replica == a ? 1 : 0;
        acceptedByB += replica == b ? 1 : 0;
      } else {
        refused.add(response);
        assertThat(response.code()).isEqualTo("RATE_LIMITED");
        assertThat(response.header("RateLimit")).as("request %d", i).startsWith("\"" + TINY_PLAN + "\";r=0;t=");
        assertThat(Long.parseLong(response.header("Retry-After"))).as("Retry-After of request %d", i)
            .isBetween(1L, TINY_WINDOW_SECONDS / TINY_CAPACITY);
      }
    }
    assertThat(accepted.size()).as("accepted across both replicas:%s", trace).isEqualTo(TINY_CAPACITY);
    assertThat(refused.size()).isEqualTo(2 * TINY_CAPACITY);
    assertThat(acceptedByA).as("accepted by A").isPositive();
    assertThat(acceptedByB).as("accepted by B").isPositive();
    // one bucket: the remaining counts announced by both replicas together are 9, 8, ..., 0
    TreeSet<Integer> remaining = new TreeSet<>();
    for (GatewayHttp.Response r : accepted) {
      String limit = r.header("RateLimit");
      remaining.add(Integer.parseInt(limit.replaceAll("^.*;r=(\\d+);.*$", "$1")));
    }
    assertThat(remaining).containsExactlyElementsOf(IntStream.range(0, TINY_CAPACITY).boxed().toList());
  }

  @Test
  void aSignatureUsedAtOneReplicaIsReplayedAtTheOther() throws Exception {
    FreshConnector connector = connectorKnownToBoth("standard");
    byte[] body = ItBodies.compact(ItBodies.policy(ItBodies.id("pol"), ItBodies.projectId()));
    String key = ItBodies.id("idk");
    String signature = connector.signer().sign("POST", "/v1/policies", body, key);

    GatewayHttp.Response first = a.send("POST", "/v1/policies", "application/json", body, key, signature);
    assertThat(first.status()).as(first.text()).isEqualTo(201);
    GatewayHttp.Response again = b.send("POST", "/v1/policies", "application/json", body, key, signature);
    assertThat(again.status()).as(again.text()).isEqualTo(403);
    assertThat(again.code()).isEqualTo("SIGNATURE_REPLAYED");
  }

  @Test
  void anIdempotencyKeyUsedAtOneReplicaIsKnownAtTheOther() throws Exception {
    FreshConnector connector = connectorKnownToBoth("standard");
    ObjectNode policy = ItBodies.policy(ItBodies.id("pol"), ItBodies.projectId());
    byte[] body = ItBodies.compact(policy);
    String key = ItBodies.id("idk");

    GatewayHttp.Response created = a.writeOrFail(connector.signer(), "POST", "/v1/policies", "application/json", body, key);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.header("Idempotent-Replayed")).isNull();

    // the same request, signed anew (another jti), at the other replica: the stored answer
    GatewayHttp.Response replayed = b.writeOrFail(connector.signer(), "POST", "/v1/policies", "application/json", body, key);
    assertThat(replayed.status()).as(replayed.text()).isEqualTo(201);
    assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replayed.json().path("submissionId").asString()).isEqualTo(created.json().path("submissionId").asString());
    assertThat(replayed.json().path("receipt").asString()).isEqualTo(created.json().path("receipt").asString());

    // the same key with another body, at the other replica
    byte[] other = ItBodies.compact(policy.put("policyId", ItBodies.id("pol")));
    GatewayHttp.Response reused = b.writeOrFail(connector.signer(), "POST", "/v1/policies", "application/json", other, key);
    assertThat(reused.status()).as(reused.text()).isEqualTo(422);
    assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

    try (Connection c = ItInfrastructure.postgres(SCHEMA);
        PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM submission WHERE connector_id = ? AND idempotency_key = ?")) {
      q.setString(1, connector.connectorId());
      q.setString(2, key);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).as("ledger rows of the key").isEqualTo(1);
      }
    }
  }

  /**
   * Registers a connector through replica A and waits until replica B's directory has it too: a
   * probe that B refuses at authorisation (PROJECT_NOT_COVERED, before the rate limit, so no token
   * is taken) instead of at the signature (SIGNATURE_KEY_UNKNOWN).
   */
  private static FreshConnector connectorKnownToBoth(String ratePlan) {
    FreshConnector connector = FreshConnector.register(a, ratePlan);
    CONNECTORS.add(connector.connectorId());
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      GatewayHttp.Response probe = probe(b, connector.signer());
      if (probe.status() == 403) {
        assertThat(probe.code()).isEqualTo("PROJECT_NOT_COVERED");
        assertThat(probe(a, connector.signer()).code()).isEqualTo("PROJECT_NOT_COVERED");
        return connector;
      }
      assertThat(probe.code()).as(probe.text()).isEqualTo("SIGNATURE_KEY_UNKNOWN");
      assertThat(System.nanoTime()).as("replica B learns of %s", connector.connectorId()).isLessThan(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static GatewayHttp.Response probe(GatewayHttp replica, TestSigner signer) {
    byte[] body = ItBodies.compact(ItBodies.inspection());
    return replica.writeOrFail(signer, "POST", "/v1/projects/" + ItBodies.projectId() + "/inspections", "application/json",
        body, ItBodies.id("idk"));
  }
}
