package org.capillary.gateway.observability;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A production replica whose Redis is unreachable is not ready (503): it would refuse every
 * signed request (rate limit and replay cache fail closed), so the load balancer must skip it.
 * It stays live: restarting it would not bring Redis back.
 */
class ProductionReadinessWithoutRedisTest extends ProductionReadinessContract {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    production(registry, "redis://127.0.0.1:1"); // nothing listens on port 1
  }

  @Test
  void readinessIsDownWhenRedisIsUnreachable() {
    client.get().uri("/actuator/health/readiness").exchange()
        .expectStatus().isEqualTo(503)
        .expectBody()
        .jsonPath("$.status").isEqualTo("DOWN")
        .jsonPath("$.components.db.status").isEqualTo("UP")
        .jsonPath("$.components.capillaryRedis.status").isEqualTo("DOWN");
  }

  @Test
  void livenessStaysUp() {
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
  }
}
