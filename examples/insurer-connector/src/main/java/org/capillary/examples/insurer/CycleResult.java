package org.capillary.examples.insurer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.capillary.sdk.models.ObligationList;

/**
 * What one run of the {@link InsurerServiceCycle} filed, and the project's obligations afterwards.
 *
 * @param policyId the policy registered
 * @param projectId the works project served
 * @param hazardId the hazard the first inspection found (rectified and verified in the cycle)
 * @param filings every record filed, in order, with its receipt
 * @param statuses each submission's status when the obligations were read, by submission id:
 *     {@code PROCESSED} when the platform applied it, {@code REJECTED_BY_RULES} when a business rule
 *     refused its effect (extensible: other values may appear)
 * @param obligations the project's obligations under the rule profile, read after the last filing
 */
public record CycleResult(String policyId, String projectId, String hazardId, List<Filing> filings,
    Map<String, String> statuses, ObligationList obligations) {

  /** Checks and copies the components. */
  public CycleResult {
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(hazardId, "hazardId");
    filings = List.copyOf(filings);
    statuses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(statuses));
    Objects.requireNonNull(obligations, "obligations");
  }
}
