package org.capillary.conformance.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Status;
import org.capillary.examples.device.DeviceConnectorMain;
import org.capillary.examples.insurer.InsurerConnectorMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: the connector plans pass against the example connectors (examples/) under every fault
 * scenario. The examples file their own cycles ({@code connector.cycle=connector-defined}) and read
 * what they filed back; the sandbox answers those reads. Each scenario runs the example's command
 * line in this JVM (so the suite stays fast); one scenario runs it as a separate program through
 * {@link CommandConnector}, with the environment {@code connector.command} gets.
 */
class ExampleConnectorsIT {

  private static final Path DEMO_KEYS = Path.of("../gateway/src/main/resources/connectors/demo-keys").toAbsolutePath();
  /** The example gives up on an answer after this long (--timeout); the slow answer is held longer. */
  private static final String CLIENT_TIMEOUT_SECONDS = "2";

  @TempDir
  Path work;

  @Test
  void theInsurerExamplePassesEveryScenario() throws Exception {
    PlanResults results = PlanResults.run(new InsurerConnectorPlan(s -> inProcess(args ->
        InsurerConnectorMain.run(args.list().toArray(String[]::new), args.out(), args.out()))), settings("demo-insurer-a"));

    assertThat(results.scenarios()).containsExactly("happy-path", "rate-limited", "service-unavailable", "slow-answer",
        "dropped-connection", "media-before-citation");
    assertPassed(results);
  }

  @Test
  void theDeviceExamplePassesEveryScenario() throws Exception {
    PlanResults results = PlanResults.run(new DeviceConnectorPlan(s -> inProcess(args -> {
      args.add("--project", "FT-XS-CERT01");
      args.add("--queue", args.dir().resolve("device-queue").toString());
      return DeviceConnectorMain.run(args.list().toArray(String[]::new), args.out(), args.out(), Clock.systemUTC());
    })), settings("demo-camera-vendor"));

    assertThat(results.scenarios()).containsExactly("happy-path", "rate-limited", "service-unavailable", "slow-answer",
        "dropped-connection", "alert-dedup", "media-before-citation");
    assertPassed(results);
    assertThat(results.result("alert-dedup", "EnsureNothingSubmittedTwice").status()).isEqualTo(Status.PASS);
    assertThat(results.result("alert-dedup", "EnsureAlertIdentityUnique").status()).isEqualTo(Status.PASS);
  }

  @Test
  void theInsurerExampleRunAsAProgramPassesUnder429() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
        + InsurerConnectorMain.class.getName()
        + " --endpoint \"$CAPILLARY_ENDPOINT\" --connector \"$CAPILLARY_CONNECTOR_ID\""
        + " --key '" + key("demo-insurer-a") + "' --timeout " + CLIENT_TIMEOUT_SECONDS;
    RunSettings base = settings("demo-insurer-a");
    Map<String, String> values = new HashMap<>();
    for (String name : List.of(ConnectorScenario.CONNECTOR_ID, ConnectorScenario.CONNECTOR_JWKS, ConnectorCycle.SETTING,
        FaultSettings.RETRY_AFTER_SECONDS, FaultSettings.SLOW_ANSWER_MILLIS)) {
      values.put(name, base.require(name));
    }
    values.put(CommandConnector.COMMAND, command);
    values.put(CommandConnector.TIMEOUT_SECONDS, "120");
    RunSettings settings = new RunSettings(Clock.systemUTC(), work, Duration.ofSeconds(5), values);

    PlanResults results = PlanResults.run(new InsurerConnectorPlan(), settings, "rate-limited");

    assertThat(results.failed("rate-limited")).isEmpty();
    assertThat(results.result("rate-limited", "EnsureRetryAfterHonoured").status()).isEqualTo(Status.PASS);
    assertThat(work.resolve("rate-limited/connector.log")).content(StandardCharsets.UTF_8)
        .contains("every receipt verified against the gateway's JWK Set");
  }

  private static void assertPassed(PlanResults results) {
    assertThat(results.failures()).allSatisfy((scenario, failed) -> assertThat(failed).as(scenario).isEmpty());
    for (String scenario : results.scenarios()) {
      assertThat(results.result(scenario, "EnsureConnectorCompletedDespiteFaults").status()).as(scenario)
          .isEqualTo(Status.PASS);
      assertThat(results.result(scenario, "EnsureInstructedRecordsSubmitted").status()).as(scenario)
          .isEqualTo(Status.NOT_APPLICABLE);
    }
    assertThat(results.result("rate-limited", "EnsureRetryAfterHonoured").status()).isEqualTo(Status.PASS);
    assertThat(results.result("slow-answer", "EnsureRetryReusesIdempotencyKey").status()).isEqualTo(Status.PASS);
    assertThat(results.result("dropped-connection", "EnsureNothingSubmittedTwice").status()).isEqualTo(Status.PASS);
    assertThat(results.result("media-before-citation", "EnsureMediaUploadedBeforeCited").status()).isEqualTo(Status.PASS);
  }

  /** A certification run of a connector that files its own cycle, with short Retry-After and slow answers. */
  private RunSettings settings(String connectorId) throws Exception {
    Path jwks = work.resolve(connectorId + ".jwks.json");
    Files.writeString(jwks, new JWKSet(JWK.parse(Files.readString(key(connectorId))).toPublicJWK()).toString());
    return new RunSettings(Clock.systemUTC(), work, Duration.ofSeconds(5), Map.of(
        ConnectorScenario.CONNECTOR_ID, connectorId,
        ConnectorScenario.CONNECTOR_JWKS, jwks.toString(),
        ConnectorCycle.SETTING, ConnectorCycle.CONNECTOR_DEFINED.value(),
        FaultSettings.RETRY_AFTER_SECONDS, "1",
        FaultSettings.SLOW_ANSWER_MILLIS, "4000"));
  }

  private static Path key(String connectorId) {
    return DEMO_KEYS.resolve(connectorId + "-es256-1.jwk.json");
  }

  /** The example's command-line arguments for one scenario, and where its report goes. */
  private record Args(List<String> list, Path dir, PrintStream out) {
    void add(String name, String value) {
      list.add(name);
      list.add(value);
    }
  }

  /** A connector whose work is an example's {@code run}: 0 is success, anything else a failure. */
  private static ConnectorUnderTest inProcess(java.util.function.ToIntFunction<Args> example) {
    return (endpoint, instructions, dir) -> {
      try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("connector.log")), true,
          StandardCharsets.UTF_8)) {
        Args args = new Args(new ArrayList<>(List.of("--endpoint", endpoint.toString(), "--connector",
            instructions.connectorId(), "--key", key(instructions.connectorId()).toString(),
            "--timeout", CLIENT_TIMEOUT_SECONDS)), dir, out);
        int exit = example.applyAsInt(args);
        return exit == 0 ? ConnectorOutcome.success() : ConnectorOutcome.failure("exit code " + exit);
      }
    };
  }
}
