package org.capillary.conformance.connector;

import com.nimbusds.jose.jwk.ECKey;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SDK connector as a program, run by {@link CommandConnector} the way the suite runs an
 * external connector: {@code java ... SdkConnectorMain <private JWK file>}, with the endpoint and
 * instructions from the environment.
 */
public final class SdkConnectorMain {

  private SdkConnectorMain() {}

  /**
   * @param args the private JWK file of the connector's key
   * @throws Exception if the instructions or the key cannot be read
   */
  public static void main(String[] args) throws Exception {
    TestKeys keys = new TestKeys(System.getenv("CAPILLARY_CONNECTOR_ID"), ECKey.parse(Files.readString(Path.of(args[0]))));
    ConnectorOutcome outcome = new SdkConnector(keys).perform(URI.create(System.getenv("CAPILLARY_ENDPOINT")),
        Instructions.read(Path.of(System.getenv("CAPILLARY_INSTRUCTIONS"))), Path.of(System.getenv("CAPILLARY_WORK_DIR")));
    System.out.println(outcome.detail());
    System.exit(outcome.completed() ? 0 : 1);
  }
}
