package org.capillary.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capillary.gateway.e2e.PipelineChecks.assertProblem;

import javax.sql.DataSource;
import org.capillary.gateway.store.IdempotencyStore;
import org.capillary.gateway.support.Scenario;
import org.capillary.gateway.support.SignedClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Rate limits over HTTP on the embedded profile, with a tiny plan of 3 requests per hour next to
 * the usual ones (a Spring context of its own, so with an H2 database of its own too: two
 * contexts on one H2 file would share its fate).
 */
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:ratelimit-e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "capillary.gateway.rate-limit.plans.standard.capacity=100",
    "capillary.gateway.rate-limit.plans.standard.window=PT1S",
    "capillary.gateway.rate-limit.plans.devices.capacity=500",
    "capillary.gateway.rate-limit.plans.devices.window=PT1S",
    "capillary.gateway.rate-limit.plans.operator.capacity=50",
    "capillary.gateway.rate-limit.plans.operator.window=PT1S",
    "capillary.gateway.rate-limit.plans.tiny.capacity=3",
    "capillary.gateway.rate-limit.plans.tiny.window=PT1H"})
class RateLimitEndToEndTest extends EmbeddedGatewayTestBase {

  @Autowired
  DataSource dataSource;

  @Autowired
  IdempotencyStore idempotency;

  PipelineChecks checks;

  @BeforeEach
  void checks() {
    checks = new PipelineChecks(client, scenario, dataSource, idempotency, "demo-insurer-a");
  }

  @Test
  void theFourthRequestOfAThreeRequestPlanIsRateLimited() {
    checks.fourthRequestOfAThreeRequestPlanIsRateLimited(scenario.register("INSURER", "tiny"));
  }

  /** A connector's requests refused by the signature or replay checks cost it no token. */
  @Test
  void requestsRefusedBeforeTheLimiterCostNoToken() {
    Scenario.Registered tiny = scenario.register("INSURER", "tiny");
    for (int i = 0; i < 4; i++) {
      byte[] body = checks.policy();
      String key = scenario.id("idk");
      EntityExchangeResult<byte[]> misdirected = client.post().uri("/v1/policies")
          .header("Content-Type", "application/json").header("Idempotency-Key", key)
          .header("Capillary-Signature", tiny.signer().sign("POST", "/v1/devices", body, key))
          .bodyValue(body).exchange().expectBody().returnResult();
      assertProblem(misdirected, 401, "SIGNATURE_BINDING_MISMATCH");
    }
    EntityExchangeResult<byte[]> first = tiny.client().write("POST", "/v1/policies", "application/json", checks.policy(), scenario.id("idk"));
    assertThat(first.getStatus().value()).as(SignedClient.text(first)).isEqualTo(201);
    assertThat(first.getResponseHeaders().getFirst("RateLimit")).startsWith("\"tiny\";r=2;t=");
  }
}
