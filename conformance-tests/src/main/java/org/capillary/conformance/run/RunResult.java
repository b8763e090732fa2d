package org.capillary.conformance.run;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.capillary.conformance.plan.Status;

/**
 * Everything a run produced: the outcome of every check and the transcript.
 *
 * @param planId the plan
 * @param role the plan's role
 * @param startedAt when the run started (the run's clock)
 * @param finishedAt when it ended
 * @param outcomes every check's outcome, in run order
 * @param transcript the run's hash-chained evidence
 */
public record RunResult(String planId, String role, Instant startedAt, Instant finishedAt, List<CheckOutcome> outcomes,
    HashChainedTranscript transcript) {

  /** Validates and copies. */
  public RunResult {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(transcript, "transcript");
    outcomes = List.copyOf(outcomes);
  }

  /** Whether every mandatory check passed (PASS, or NOT_APPLICABLE with a reason). */
  public boolean mandatoryPassed() {
    return outcomes.stream().filter(CheckOutcome::mandatory).noneMatch(CheckOutcome::failed);
  }

  /** How many outcomes have each status. */
  public Map<Status, Integer> counts() {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      counts.put(s, 0);
    }
    outcomes.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
    return counts;
  }
}
