package org.capillary.conformance.connector.check;

import java.util.List;
import java.util.Set;
import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/**
 * A check that holds when no received request has a finding of the given codes: the shape of every
 * "the sandbox found nothing wrong with X" check.
 */
abstract class NoFindingCheck implements Check<ConnectorRun> {

  private final Set<String> codes;

  NoFindingCheck(Set<String> codes) {
    this.codes = Set.copyOf(codes);
  }

  @Override
  public CheckResult run(ConnectorRun run, Transcript transcript) {
    if (run.received().isEmpty()) {
      return CheckResult.fail("the connector sent no request");
    }
    List<String> bad = run.received().stream()
        .flatMap(r -> r.findings().stream().filter(f -> codes.contains(f.code())).map(f -> r.describe() + ": " + f))
        .toList();
    long judged = run.received().size();
    return bad.isEmpty()
        ? CheckResult.pass("none of " + judged + " requests had " + String.join(", ", codes.stream().sorted().toList()))
        : CheckResult.fail(bad.size() + " of " + judged + " requests failed", bad);
  }
}
