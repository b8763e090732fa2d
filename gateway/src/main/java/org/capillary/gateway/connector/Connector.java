package org.capillary.gateway.connector;

import java.util.List;
import java.util.Objects;

/**
 * A registered connector.
 *
 * @param connectorId its id
 * @param role its role
 * @param active false when suspended
 * @param ratePlan the name of its rate plan
 * @param organisationUscc its organisation's unified social credit code
 * @param subdistrictCodes for sub-district offices, the area they see; empty otherwise
 */
public record Connector(
    String connectorId, Role role, boolean active, String ratePlan, String organisationUscc, List<String> subdistrictCodes) {

  public Connector {
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(ratePlan, "ratePlan");
    Objects.requireNonNull(organisationUscc, "organisationUscc");
    subdistrictCodes = List.copyOf(subdistrictCodes);
  }
}
