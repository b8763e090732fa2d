package org.capillary.gateway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.capillary.gateway.support.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway on its embedded defaults (H2 file database in a fresh folder), over real HTTP. The
 * client waits up to 30 s for an answer: a first request on a loaded machine (JIT, schema and
 * signer set-up) can take longer than the default 5 s without anything being wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
abstract class EmbeddedGatewayTestBase {

  private static final Path DATA_DIR;

  static {
    try {
      DATA_DIR = Files.createTempDirectory("capillary-e2e");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("capillary.gateway.data-dir", DATA_DIR::toString);
  }

  @Autowired
  WebTestClient client;

  Scenario scenario;

  @BeforeEach
  void newScenario() {
    scenario = new Scenario(client);
  }
}
