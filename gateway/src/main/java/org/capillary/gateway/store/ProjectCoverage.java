package org.capillary.gateway.store;

import org.jspecify.annotations.Nullable;

/**
 * Which insurer covers a works project, under which policy.
 *
 * @param projectId the project
 * @param insurerConnectorId the insurer connector whose policy covers it
 * @param policyId that policy (the connector's id of it)
 * @param subdistrictCode the project's sub-district, as registered
 */
public record ProjectCoverage(
    String projectId, String insurerConnectorId, String policyId, @Nullable String subdistrictCode) {}
