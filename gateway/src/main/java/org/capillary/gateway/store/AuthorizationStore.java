package org.capillary.gateway.store;

import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * What the authorisation filter reads: the write-through tables (policies, project coverage,
 * devices) kept by {@link CoverageEffect} and
 * {@link DeviceEffect}, committed together with the submissions that wrote them, so a project or
 * device is known exactly from the moment its registration was acknowledged. Reads go to the
 * database each time (no cache), so every replica sees the same answer.
 */
public interface AuthorizationStore {

  /**
   * @param projectId a works project
   * @return the insurer connector covering it, or empty if no policy registered it
   */
  Mono<Optional<String>> insurerOf(String projectId);

  /**
   * @param policyId a policy id (unique district-wide)
   * @return the insurer connector that registered it, or empty if none did
   */
  Mono<Optional<String>> insurerOfPolicy(String policyId);

  /**
   * @param projectId a works project
   * @return its coverage, or empty if no policy registered it
   */
  Mono<Optional<ProjectCoverage>> coverage(String projectId);

  /**
   * @param deviceId a device id (unique district-wide)
   * @return who registered it and where, or empty if nobody did
   */
  Mono<Optional<DeviceOwnership>> device(String deviceId);
}
