package org.capillary.conformance.pact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.spec.validation.Violation;

/** Every request body validates against its operation's request schema (with the contract's formats). */
public final class ValidatePactRequestBodies implements Check<PactRun> {

  @Override
  public String description() {
    return "Every request body validates against the request schema of its operation.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-VAL-01");
  }

  @Override
  public CheckResult run(PactRun run, Transcript transcript) {
    List<String> wrong = new ArrayList<>();
    int validated = 0;
    for (PactRun.Matched m : run.matches()) {
      if (m.operation() == null || !m.operation().operation().hasJsonBody()) {
        continue;
      }
      var body = m.interaction().requestBody();
      if (body == null) {
        wrong.add(m.interaction() + ": no request body, the operation requires one");
        continue;
      }
      validated++;
      for (Violation v : PactContract.validator().validate(m.operation().operation().operationId(), body)) {
        wrong.add(m.interaction() + ": " + v.pointer() + " " + v.code() + " (" + v.detail() + ")");
      }
    }
    return wrong.isEmpty() ? CheckResult.pass(validated + " request bodies validate") : CheckResult.fail(wrong.size() + " request body violations", wrong);
  }
}
