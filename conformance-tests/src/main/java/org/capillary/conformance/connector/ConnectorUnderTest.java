package org.capillary.conformance.connector;

import java.net.URI;
import java.nio.file.Path;

/**
 * A connector the suite certifies: given a platform endpoint (the sandbox) and its instructions,
 * it submits the instructed records as it would in production, retrying as it sees fit, and
 * returns when it is done or has given up. The suite judges it from what the sandbox received,
 * never from what it says about itself.
 *
 * <p>{@link CommandConnector} runs any program (the certification path for connectors in any
 * language); tests drive in-process connectors through this interface directly.
 */
@FunctionalInterface
public interface ConnectorUnderTest {

  /**
   * Performs the instructions against a platform.
   *
   * @param endpoint the platform's base URL, e.g. {@code http://127.0.0.1:41234}
   * @param instructions what to submit
   * @param workDir a directory the connector may use (state, logs)
   * @return how it finished
   * @throws Exception when it could not run at all; the scenario records it as a failed outcome
   */
  ConnectorOutcome perform(URI endpoint, Instructions instructions, Path workDir) throws Exception;
}
