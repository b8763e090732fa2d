package org.capillary.conformance.pact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/** Every interaction of the Pact file is an operation of the contract (method and path template). */
public final class EnsureInteractionsMatchOperations implements Check<PactRun> {

  @Override
  public String description() {
    return "Every interaction's method and path match an operation of the contract.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-API-01", "CAP-API-02");
  }

  @Override
  public CheckResult run(PactRun run, Transcript transcript) {
    if (run.matches().isEmpty()) {
      return CheckResult.fail("the Pact file has no HTTP interactions");
    }
    List<String> unmatched = new ArrayList<>();
    run.matches().stream().filter(m -> m.operation() == null).forEach(m -> unmatched.add(m.interaction() + " is no operation of the contract"));
    return unmatched.isEmpty() ? CheckResult.pass(run.matches().size() + " interactions match operations")
        : CheckResult.fail(unmatched.size() + " interactions match no operation", unmatched);
  }
}
