package org.capillary.conformance.connector.check;

import java.util.Set;

/** Every request addresses an operation of the contract: a known path with a method defined for it. */
public final class EnsureRequestsAddressContractOperations extends NoFindingCheck {

  /** Creates the check. */
  public EnsureRequestsAddressContractOperations() {
    super(Set.of("NOT_FOUND", "METHOD_NOT_ALLOWED"));
  }

  @Override
  public String description() {
    return "Every request is an operation of spec/openapi.yaml (path and method).";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-API-01", "CAP-API-02");
  }
}
