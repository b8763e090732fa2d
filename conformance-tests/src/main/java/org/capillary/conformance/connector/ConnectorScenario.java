package org.capillary.conformance.connector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.plan.Transcript;
import org.capillary.conformance.sandbox.FaultScript;
import org.capillary.conformance.sandbox.ReceivedRequest;
import org.capillary.conformance.sandbox.Sandbox;
import org.capillary.conformance.sandbox.SandboxSettings;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One connector scenario: start a sandbox with a fault script, run the connector on its
 * instructions, stop the sandbox, and hand what it received to the checks. Every received request
 * goes into the transcript ({@code exchange}), with the scenario's set-up and the connector's
 * outcome ({@code observation}).
 *
 * <p>Settings read: {@value #CONNECTOR_ID}, {@value #CONNECTOR_JWKS} (a file holding the
 * connector's public JWK Set), {@value ConnectorCycle#SETTING} ({@link ConnectorCycle}), and
 * whatever the {@link ConnectorProvider} reads.
 */
public final class ConnectorScenario implements Scenario<ConnectorRun> {

  /** Setting: the connector's registered id. */
  public static final String CONNECTOR_ID = "connector.id";
  /** Setting: the path of the connector's public JWK Set (JSON). */
  public static final String CONNECTOR_JWKS = "connector.jwks";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String id;
  private final String description;
  private final Function<RunSettings, FaultScript> faults;
  private final BiFunction<Path, String, Instructions> instructions;
  private final ConnectorProvider connectors;
  private final List<Check<? super ConnectorRun>> checks;

  /**
   * @param id the scenario id, unique in its plan
   * @param description one sentence
   * @param faults the fault script, from the run's settings (Retry-After, slow-answer delay)
   * @param instructions makes the instructions: (scenario directory, connector id) → instructions
   * @param connectors makes the connector under test
   * @param checks the checks that judge the run
   */
  public ConnectorScenario(String id, String description, Function<RunSettings, FaultScript> faults,
      BiFunction<Path, String, Instructions> instructions, ConnectorProvider connectors,
      List<Check<? super ConnectorRun>> checks) {
    this.id = Objects.requireNonNull(id, "id");
    this.description = Objects.requireNonNull(description, "description");
    this.faults = Objects.requireNonNull(faults, "faults");
    this.instructions = Objects.requireNonNull(instructions, "instructions");
    this.connectors = Objects.requireNonNull(connectors, "connectors");
    this.checks = List.copyOf(checks);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<Check<? super ConnectorRun>> checks() {
    return checks;
  }

  @Override
  public ConnectorRun setUp(RunSettings settings, Transcript transcript) throws Exception {
    String connectorId = settings.require(CONNECTOR_ID);
    String jwks = Files.readString(Path.of(settings.require(CONNECTOR_JWKS)));
    Path dir = Files.createDirectories(settings.workDir().resolve(id));
    ConnectorCycle cycle = ConnectorCycle.fromSettings(settings);
    Instructions given = instructions.apply(dir, connectorId);
    FaultScript script = faults.apply(settings);
    ConnectorUnderTest connector = connectors.connector(settings);
    try (Sandbox sandbox = Sandbox.start(SandboxSettings.of(connectorId, jwks, script, settings.clock()))) {
      ObjectNode setUp = JSON.createObjectNode();
      setUp.put("scenario", id);
      setUp.put("endpoint", sandbox.endpoint().toString());
      setUp.put("cycle", cycle.value());
      ArrayNode rules = setUp.putArray("faults");
      script.rules().forEach(r -> rules.add(r.operationId() + " #" + r.occurrence() + ": " + r.fault().label()));
      setUp.set("instructions", given.toJson(ConnectorRun.contract()));
      transcript.record("observation", setUp);
      ConnectorOutcome outcome;
      try {
        outcome = connector.perform(sandbox.endpoint(), given, dir);
      } catch (Exception e) {
        outcome = ConnectorOutcome.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      List<ReceivedRequest> received = sandbox.received();
      received.forEach(r -> transcript.record("exchange", exchange(r)));
      ObjectNode end = JSON.createObjectNode();
      end.put("scenario", id);
      end.put("connectorCompleted", outcome.completed());
      end.put("connectorDetail", outcome.detail());
      transcript.record("observation", end);
      return new ConnectorRun(id, given, script, received, sandbox.completedUploads(), outcome, cycle);
    }
  }

  private static ObjectNode exchange(ReceivedRequest r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("index", r.index());
    n.put("receivedAt", r.receivedAt().toString());
    n.put("method", r.method());
    n.put("target", r.target());
    n.put("operationId", r.operationId());
    ObjectNode headers = n.putObject("headers");
    r.headers().forEach(headers::put);
    n.put("contentDigest", r.contentDigest());
    n.put("bodyLength", r.body().length);
    if (r.signature() != null) {
      n.put("jti", r.signature().jti());
      n.put("iat", r.signature().iat());
      n.put("kid", r.signature().kid());
    }
    ArrayNode findings = n.putArray("findings");
    r.findings().forEach(f -> findings.add(f.toString()));
    n.put("fault", r.fault() == null ? null : r.fault().label());
    n.put("status", r.status());
    n.put("submissionId", r.submissionId());
    n.put("replayed", r.replayed());
    return n;
  }
}
