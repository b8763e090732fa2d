package org.capillary.gateway.events;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who may see what concerns a project: operators everything; an insurer what concerns the
 * projects its policies cover; a sub-district office what concerns projects in its area; device
 * vendors nothing of the platform's events.
 */
public final class Audience {

  private Audience() {}

  /**
   * @param role the connector's role name
   * @param connectorId the connector
   * @param subdistrictCodes its area (sub-district offices)
   * @param insurerConnectorId the insurer of the project concerned
   * @param subdistrictCode the project's sub-district
   * @return whether the connector may see it
   */
  public static boolean entitled(String role, String connectorId, List<String> subdistrictCodes,
      @Nullable String insurerConnectorId, @Nullable String subdistrictCode) {
    return switch (role) {
      case "OPERATOR" -> true;
      case "INSURER" -> connectorId.equals(insurerConnectorId);
      case "SUBDISTRICT_OFFICE" -> subdistrictCode != null && subdistrictCodes.contains(subdistrictCode);
      default -> false;
    };
  }
}
