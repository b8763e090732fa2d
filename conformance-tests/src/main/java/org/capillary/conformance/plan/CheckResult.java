package org.capillary.conformance.plan;

import java.util.List;
import java.util.Objects;

/**
 * What a check found.
 *
 * @param status the outcome
 * @param summary one line a certifier reads: what was observed
 * @param evidence details (request ids, pointers, header values), in the order observed
 */
public record CheckResult(Status status, String summary, List<String> evidence) {

  /** Validates and copies. */
  public CheckResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
  }

  /** A passed check. */
  public static CheckResult pass(String summary, String... evidence) {
    return new CheckResult(Status.PASS, summary, List.of(evidence));
  }

  /** A failed check. */
  public static CheckResult fail(String summary, String... evidence) {
    return new CheckResult(Status.FAIL, summary, List.of(evidence));
  }

  /** A failed check with a list of evidence. */
  public static CheckResult fail(String summary, List<String> evidence) {
    return new CheckResult(Status.FAIL, summary, evidence);
  }

  /** A check that does not apply, with the reason. */
  public static CheckResult notApplicable(String reason) {
    return new CheckResult(Status.NOT_APPLICABLE, reason, List.of());
  }
}
