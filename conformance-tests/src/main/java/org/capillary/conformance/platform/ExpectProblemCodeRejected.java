package org.capillary.conformance.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/**
 * A refused request is answered with its status and stable problem code. One instance per
 * {@link ProblemCase}, named after it: {@code ExpectMalformedJsonRejected}.
 */
public final class ExpectProblemCodeRejected implements Check<ProblemRun> {

  private final ProblemCase problemCase;

  /**
   * The check of one case.
   *
   * @param problemCase the case
   */
  public ExpectProblemCodeRejected(ProblemCase problemCase) {
    this.problemCase = problemCase;
  }

  @Override
  public String name() {
    return "Expect" + Arrays.stream(problemCase.name().split("-"))
        .map(w -> w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1))
        .collect(Collectors.joining()) + "Rejected";
  }

  @Override
  public String description() {
    return "The case " + problemCase.name() + " is refused with " + problemCase.status() + " " + problemCase.code() + ".";
  }

  @Override
  public Set<String> requirements() {
    return problemCase.requirements();
  }

  @Override
  public CheckResult run(ProblemRun run, Transcript transcript) {
    Exchange e = run.of(problemCase.name()).orElse(null);
    if (e == null) {
      return CheckResult.fail("the case " + problemCase.name() + " was not sent");
    }
    if (e.status() == problemCase.status() && e.code().equals(problemCase.code())) {
      return CheckResult.pass("refused with " + e.status() + " " + e.code(), e.brief());
    }
    return CheckResult.fail("expected " + problemCase.status() + " " + problemCase.code() + ", got " + e.status() + " "
        + (e.code().isEmpty() ? "(no problem code)" : e.code()), e.brief(), e.bodyText(500));
  }
}
