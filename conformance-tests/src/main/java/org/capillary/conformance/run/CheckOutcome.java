package org.capillary.conformance.run;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Status;

/**
 * The result of one check in one scenario of a run.
 *
 * @param scenarioId the scenario
 * @param check the check's name
 * @param description what the check requires
 * @param requirements the requirement ids it verifies
 * @param mandatory whether certification requires it
 * @param result what it found
 */
public record CheckOutcome(String scenarioId, String check, String description, Set<String> requirements,
    boolean mandatory, CheckResult result) {

  /** Validates and copies (requirements sorted). */
  public CheckOutcome {
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(result, "result");
    requirements = Set.copyOf(new TreeSet<>(requirements));
  }

  /** The outcome's status. */
  public Status status() {
    return result.status();
  }

  /** Whether the outcome blocks certification or counts against it: FAIL or ERROR. */
  public boolean failed() {
    return result.status() == Status.FAIL || result.status() == Status.ERROR;
  }
}
