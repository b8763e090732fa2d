package org.capillary.conformance.platform;

import java.util.LinkedHashSet;
import java.util.Set;

/** The requirement ids ({@code x-req}) of operations, read from the contract. */
final class OperationRequirements {

  private OperationRequirements() {}

  /**
   * The ids of the given operations, plus extra ids; an operation the contract lacks adds nothing.
   *
   * @param operationIds the operations
   * @param extra further ids
   * @return the ids
   */
  static Set<String> of(Set<String> operationIds, String... extra) {
    Set<String> ids = new LinkedHashSet<>(java.util.List.of(extra));
    operationIds.forEach(id -> PlatformSession.sharedContract().operation(id).ifPresent(op -> op.requirementIds().stream()
        .filter(r -> r.startsWith("CAP-")).forEach(ids::add)));
    return ids;
  }
}
