package org.capillary.gateway.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Readiness on the embedded profile includes the database: a replica whose database cannot be
 * reached takes no traffic. Liveness does not: a database outage must not restart the process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ReadinessTest {

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("capillary-readiness");
    registry.add("capillary.gateway.data-dir", dir::toString);
  }

  @Autowired
  WebTestClient client;

  @Test
  void readinessIsUpWithTheDatabase() {
    client.get().uri("/actuator/health/readiness").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.status").isEqualTo("UP")
        .jsonPath("$.components.readinessState.status").isEqualTo("UP")
        .jsonPath("$.components.db.status").isEqualTo("UP");
  }

  @Test
  void livenessDoesNotDependOnTheDatabase() {
    client.get().uri("/actuator/health/liveness").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.status").isEqualTo("UP")
        .jsonPath("$.components.db").doesNotExist();
  }
}
