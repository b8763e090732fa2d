package org.capillary.conformance.connector;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.Plan;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.sandbox.FaultScript;

/**
 * What the insurer- and device-connector plans share: the connector under test (a command, or one
 * given by the caller), the settings they read, the target's identity, and how a scenario is made
 * from a fault script. A subclass names its records ({@link InstructionSets}) and its scenarios.
 */
abstract class ConnectorPlan implements Plan {

  private final ConnectorProvider connectors;
  private final boolean command;
  private final BiFunction<Path, String, Instructions> instructions;

  /**
   * @param connectors makes the connector under test; null for a command ({@link CommandConnector#fromSettings})
   * @param instructions the records the plan instructs the connector to file: (scenario directory,
   *     connector id) → instructions
   */
  ConnectorPlan(@org.jspecify.annotations.Nullable ConnectorProvider connectors, BiFunction<Path, String, Instructions> instructions) {
    this.connectors = connectors == null ? CommandConnector::fromSettings : connectors;
    this.command = connectors == null;
    this.instructions = instructions;
  }

  @Override
  public Map<String, String> requiredSettings() {
    return ConnectorSettings.required(command);
  }

  @Override
  public Map<String, String> optionalSettings() {
    return ConnectorSettings.optional(command);
  }

  @Override
  public String targetId(RunSettings settings) {
    return settings.value(ConnectorScenario.CONNECTOR_ID).orElse("unnamed");
  }

  /** A scenario of this plan: the sandbox runs {@code faults}, the connector files the plan's records. */
  final ConnectorScenario scenario(String id, String description, Function<RunSettings, FaultScript> faults,
      List<Check<? super ConnectorRun>> checks) {
    return new ConnectorScenario(id, description, faults, instructions, connectors, checks);
  }
}
