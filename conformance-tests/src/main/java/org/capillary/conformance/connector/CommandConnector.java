package org.capillary.conformance.connector;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.spec.contract.Contract;

/**
 * An external connector, run as a program: the suite writes the instructions to a file and runs
 * the command with the environment
 * <ul>
 *   <li>{@code CAPILLARY_ENDPOINT}: the platform's base URL (the sandbox);</li>
 *   <li>{@code CAPILLARY_INSTRUCTIONS}: the path of the instructions file (README-connectors.md);</li>
 *   <li>{@code CAPILLARY_CONNECTOR_ID}: the connector's id;</li>
 *   <li>{@code CAPILLARY_WORK_DIR}: a directory the program may use.</li>
 * </ul>
 * Exit code 0 means the connector believes it submitted everything. Its standard output and error
 * go to {@code connector.log} in the work directory. A program still running after the timeout is
 * killed and its outcome is a failure.
 */
public final class CommandConnector implements ConnectorUnderTest {

  /** Setting: the command line, run with {@code /bin/sh -c}. */
  public static final String COMMAND = "connector.command";
  /** Setting: how long the program may run, in seconds (default 300). */
  public static final String TIMEOUT_SECONDS = "connector.timeoutSeconds";

  private final List<String> command;
  private final Duration timeout;

  /**
   * @param command the program and its arguments
   * @param timeout how long it may run
   */
  public CommandConnector(List<String> command, Duration timeout) {
    this.command = List.copyOf(command);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (this.command.isEmpty()) {
      throw new IllegalArgumentException("the command is empty");
    }
  }

  /**
   * The connector named by {@value #COMMAND} (and {@value #TIMEOUT_SECONDS}).
   *
   * @param settings the run's settings
   * @return the connector
   * @throws IllegalArgumentException if {@value #COMMAND} is missing
   */
  public static CommandConnector fromSettings(RunSettings settings) {
    Duration timeout = Duration.ofSeconds(Long.parseLong(settings.value(TIMEOUT_SECONDS).orElse("300")));
    return new CommandConnector(List.of("/bin/sh", "-c", settings.require(COMMAND)), timeout);
  }

  @Override
  public ConnectorOutcome perform(URI endpoint, Instructions instructions, Path workDir)
      throws IOException, InterruptedException {
    Path file = workDir.resolve("instructions.json");
    instructions.write(file, Contract.load());
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("connector.log").toFile()));
    pb.environment().put("CAPILLARY_ENDPOINT", endpoint.toString());
    pb.environment().put("CAPILLARY_INSTRUCTIONS", file.toAbsolutePath().toString());
    pb.environment().put("CAPILLARY_CONNECTOR_ID", instructions.connectorId());
    pb.environment().put("CAPILLARY_WORK_DIR", workDir.toAbsolutePath().toString());
    Process process = pb.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      return ConnectorOutcome.failure("still running after " + timeout.toSeconds() + " s: killed");
    }
    int exit = process.exitValue();
    return exit == 0 ? ConnectorOutcome.success() : ConnectorOutcome.failure("exit code " + exit);
  }
}
