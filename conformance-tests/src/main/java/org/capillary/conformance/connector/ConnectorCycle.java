package org.capillary.conformance.connector;

import java.util.Locale;
import org.capillary.conformance.plan.RunSettings;

/**
 * What a connector under test files in a scenario (setting {@value #SETTING}).
 *
 * <ul>
 *   <li>{@link #INSTRUCTED} (default): exactly the records and media of the instructions file; the
 *       suite checks that each arrived with the instructed content.</li>
 *   <li>{@link #CONNECTOR_DEFINED}: the connector's own cycle (a program that files what its own
 *       source system holds and cannot take instructions). It must still send the operations the
 *       plan's faults strike, and every request is judged by every other check; only the
 *       comparison with the instructions is not applicable.</li>
 * </ul>
 */
public enum ConnectorCycle {

  /** The connector files the instructed records. */
  INSTRUCTED("instructed"),
  /** The connector files its own cycle. */
  CONNECTOR_DEFINED("connector-defined");

  /** Setting: {@code instructed} (default) or {@code connector-defined}. */
  public static final String SETTING = "connector.cycle";

  private final String value;

  ConnectorCycle(String value) {
    this.value = value;
  }

  /** The setting's value for this cycle. */
  public String value() {
    return value;
  }

  /**
   * The cycle a run's settings name.
   *
   * @param settings the run's settings
   * @return the cycle; {@link #INSTRUCTED} when the setting is absent
   * @throws IllegalArgumentException if the setting names no cycle
   */
  public static ConnectorCycle fromSettings(RunSettings settings) {
    String v = settings.value(SETTING).orElse(INSTRUCTED.value).strip().toLowerCase(Locale.ROOT);
    for (ConnectorCycle c : values()) {
      if (c.value.equals(v)) {
        return c;
      }
    }
    throw new IllegalArgumentException(SETTING + " must be instructed or connector-defined, not " + v);
  }
}
