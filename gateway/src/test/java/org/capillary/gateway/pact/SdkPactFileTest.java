package org.capillary.gateway.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.capillary.gateway.support.SignedClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The contract the provider test verifies must be there: no pact file is a failure, never a
 * silent skip (pact-jvm would otherwise verify nothing when the folder is empty).
 */
class SdkPactFileTest {

  @Test
  void theSdkPactIsThere() throws IOException {
    Path file = GatewayPactVerificationTest.pactDir().resolve("capillary-sdk-java-capillary-gateway.json");
    assertThat(file).as("run the SDK's pact tests first (mvn -pl sdk-java test), or set -Dcapillary.pact.dir")
        .exists();
    JsonNode pact = SignedClient.JSON.readTree(Files.readAllBytes(file));
    assertThat(pact.path("consumer").path("name").asString()).isEqualTo("capillary-sdk-java");
    assertThat(pact.path("provider").path("name").asString()).isEqualTo("capillary-gateway");
    assertThat(pact.path("interactions").size()).isGreaterThanOrEqualTo(30);
  }
}
