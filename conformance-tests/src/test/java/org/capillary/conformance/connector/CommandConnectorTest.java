package org.capillary.conformance.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.capillary.conformance.plan.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandConnectorTest {

  private static final TestKeys KEYS = TestKeys.create("command-under-test");

  @TempDir
  Path work;

  private ConnectorOutcome run(String script, Duration timeout) throws Exception {
    Instructions given = InstructionSets.insurer(work, KEYS.connectorId());
    return new CommandConnector(List.of("/bin/sh", "-c", script), timeout)
        .perform(URI.create("http://127.0.0.1:9"), given, work);
  }

  @Test
  void givesTheProgramItsEndpointAndInstructionsFile() throws Exception {
    ConnectorOutcome outcome = run("test \"$CAPILLARY_ENDPOINT\" = http://127.0.0.1:9 && test -f \"$CAPILLARY_INSTRUCTIONS\""
        + " && test \"$CAPILLARY_CONNECTOR_ID\" = command-under-test && grep -q '\"$media:report\"' \"$CAPILLARY_INSTRUCTIONS\"",
        Duration.ofSeconds(30));

    assertThat(outcome.completed()).as(outcome.detail()).isTrue();
    Instructions back = Instructions.read(work.resolve("instructions.json"));
    assertThat(back.records()).extracting(Instructions.Record::operationId)
        .containsExactly("submitRiskAssessment", "submitInspection");
    assertThat(back.media()).singleElement().satisfies(m -> assertThat(Files.size(m.file())).isEqualTo(m.length()));
  }

  @Test
  void aNonZeroExitIsAFailure() throws Exception {
    assertThat(run("echo refused; exit 3", Duration.ofSeconds(30))).isEqualTo(ConnectorOutcome.failure("exit code 3"));
    assertThat(Files.readString(work.resolve("connector.log"))).contains("refused");
  }

  @Test
  void aProgramThatOutlivesItsTimeoutIsKilled() throws Exception {
    assertThat(run("sleep 30", Duration.ofMillis(300)).detail()).contains("killed");
  }

  @Test
  void theInsurerPlanCertifiesAnExternalProgram() throws Exception {
    Path key = Files.writeString(work.resolve("key.jwk.json"), KEYS.key().toJSONString());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
        + SdkConnectorMain.class.getName() + " '" + key + "'";
    RunSettings base = PlanResults.settings(work, KEYS);
    java.util.Map<String, String> values = new java.util.HashMap<>(base.values());
    values.put(CommandConnector.COMMAND, command);
    values.put(CommandConnector.TIMEOUT_SECONDS, "60");
    RunSettings settings = new RunSettings(base.clock(), base.workDir(), base.timeout(), Map.copyOf(values));

    PlanResults results = PlanResults.run(new InsurerConnectorPlan(), settings, "happy-path");

    assertThat(results.failed("happy-path")).isEmpty();
    assertThat(results.result("happy-path", "EnsureInstructedRecordsSubmitted").summary()).contains("completed");
  }
}
