package org.capillary.conformance.connector;

import org.capillary.conformance.plan.RunSettings;

/**
 * Makes the connector under test for a run. The plans' default is
 * {@link CommandConnector#fromSettings}; tests pass in-process connectors.
 */
@FunctionalInterface
public interface ConnectorProvider {

  /**
   * @param settings the run's settings
   * @return the connector to certify
   * @throws IllegalArgumentException if a setting it needs is missing
   */
  ConnectorUnderTest connector(RunSettings settings);
}
