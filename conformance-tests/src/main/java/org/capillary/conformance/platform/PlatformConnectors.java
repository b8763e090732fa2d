package org.capillary.conformance.platform;

import java.nio.file.Path;
import org.capillary.conformance.plan.RunSettings;

/**
 * The connectors the operator registered for a platform run: an operator account, two insurers and
 * a device vendor, each with a private key the plan signs with.
 *
 * @param operator the operator (admin API)
 * @param insurerA the first insurer: registers the projects the records are about
 * @param insurerB the second insurer: its writes to A's projects must be refused (tenant isolation)
 * @param vendor the device vendor
 */
public record PlatformConnectors(PlatformConnector operator, PlatformConnector insurerA, PlatformConnector insurerB,
    PlatformConnector vendor) {

  /**
   * Reads the connectors from the settings {@code <role>.id} and {@code <role>.keyFile}, role being
   * {@code operator}, {@code insurerA}, {@code insurerB}, {@code vendor}.
   *
   * @param settings the run's settings
   * @return the connectors
   * @throws IllegalArgumentException if a setting is missing or a key unusable
   */
  public static PlatformConnectors from(RunSettings settings) {
    return new PlatformConnectors(one(settings, "operator"), one(settings, "insurerA"), one(settings, "insurerB"),
        one(settings, "vendor"));
  }

  private static PlatformConnector one(RunSettings settings, String role) {
    return PlatformConnector.fromKeyFile(settings.require(role + ".id"), Path.of(settings.require(role + ".keyFile")),
        settings.clock());
  }
}
