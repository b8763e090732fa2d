package org.capillary.gateway.observability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Production readiness is UP with PostgreSQL and Redis, and names both. */
class ProductionReadinessTest extends ProductionReadinessContract {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    production(registry, "redis://127.0.0.1:6379");
  }

  @Test
  void readinessIsUpWithPostgresAndRedis() {
    // A probe is polled: the first Redis connection may take longer than one command timeout
    // (200 ms) on a busy machine.
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        client.get().uri("/actuator/health/readiness").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.status").isEqualTo("UP")
            .jsonPath("$.components.db.status").isEqualTo("UP")
            .jsonPath("$.components.db.details.database").isEqualTo("PostgreSQL")
            .jsonPath("$.components.capillaryRedis.status").isEqualTo("UP"));
  }
}
