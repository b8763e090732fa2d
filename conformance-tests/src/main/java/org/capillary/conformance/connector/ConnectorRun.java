package org.capillary.conformance.connector;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.capillary.conformance.sandbox.FaultScript;
import org.capillary.conformance.sandbox.ReceivedRequest;
import org.capillary.spec.contract.Contract;

/**
 * What one connector scenario produced, for its checks to judge: the instructions given, the faults
 * injected, every request the sandbox received (with its findings and answer), the uploads that
 * completed, and what the connector said at the end.
 *
 * @param scenarioId the scenario
 * @param instructions what the connector was told to submit
 * @param faults the fault script the sandbox played
 * @param received every request, in arrival order
 * @param completedUploads media id → SHA-256 of every completed upload
 * @param outcome how the connector finished
 * @param cycle whether the connector filed the instructions or its own cycle
 */
public record ConnectorRun(String scenarioId, Instructions instructions, FaultScript faults,
    List<ReceivedRequest> received, Map<String, String> completedUploads, ConnectorOutcome outcome,
    ConnectorCycle cycle) {

  private static final Contract CONTRACT = Contract.load();

  /** Validates and copies. */
  public ConnectorRun {
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(instructions, "instructions");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(cycle, "cycle");
    received = List.copyOf(received);
    completedUploads = Map.copyOf(completedUploads);
  }

  /**
   * A run of a connector that filed the instructions ({@link ConnectorCycle#INSTRUCTED}).
   *
   * @param scenarioId the scenario
   * @param instructions what the connector was told to submit
   * @param faults the fault script the sandbox played
   * @param received every request, in arrival order
   * @param completedUploads media id → SHA-256 of every completed upload
   * @param outcome how the connector finished
   */
  public ConnectorRun(String scenarioId, Instructions instructions, FaultScript faults,
      List<ReceivedRequest> received, Map<String, String> completedUploads, ConnectorOutcome outcome) {
    this(scenarioId, instructions, faults, received, completedUploads, outcome, ConnectorCycle.INSTRUCTED);
  }

  /** The contract the run is judged against. */
  public static Contract contract() {
    return CONTRACT;
  }

  /** The requests that addressed a contract write and passed validation. */
  public List<ReceivedRequest> validWrites() {
    return received.stream().filter(r -> r.valid() && r.write()).toList();
  }
}
