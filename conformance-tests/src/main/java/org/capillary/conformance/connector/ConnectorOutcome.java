package org.capillary.conformance.connector;

import java.util.Objects;

/**
 * What the connector under test said when it finished.
 *
 * @param completed whether it reported success (exit code 0 for a command)
 * @param detail one line: the exit code, or the exception
 */
public record ConnectorOutcome(boolean completed, String detail) {

  /** Validates. */
  public ConnectorOutcome {
    Objects.requireNonNull(detail, "detail");
  }

  /** A connector that finished its instructions. */
  public static ConnectorOutcome success() {
    return new ConnectorOutcome(true, "completed");
  }

  /** A connector that stopped with an error. */
  public static ConnectorOutcome failure(String detail) {
    return new ConnectorOutcome(false, detail);
  }
}
