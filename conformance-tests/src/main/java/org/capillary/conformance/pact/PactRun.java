package org.capillary.conformance.pact;

import java.util.List;
import org.capillary.spec.contract.OperationMatch;
import org.jspecify.annotations.Nullable;

/**
 * A Pact file matched against the contract.
 *
 * @param pact the file
 * @param matches each interaction with the operation it addresses, or {@code null} when none
 */
public record PactRun(PactFile pact, List<Matched> matches) {

  /** Copies. */
  public PactRun {
    matches = List.copyOf(matches);
  }

  /**
   * One interaction and its operation.
   *
   * @param interaction the interaction
   * @param operation the operation, or {@code null} if the contract has no such method and path
   */
  public record Matched(PactInteraction interaction, @Nullable OperationMatch operation) {}
}
