package org.capillary.conformance.pact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.ContractDocument;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/**
 * Every request carries the headers its operation requires (Capillary-Signature, Idempotency-Key on
 * writes, Tus-Resumable, …), with the value the contract fixes where it fixes one, and a
 * Content-Type of the operation when it has a body.
 */
public final class EnsureRequiredHeadersPresent implements Check<PactRun> {

  @Override
  public String description() {
    return "Every request carries the header parameters its operation requires, and a Content-Type the operation accepts.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-SIG-01", "CAP-IDM-01");
  }

  @Override
  public CheckResult run(PactRun run, Transcript transcript) {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (PactRun.Matched m : run.matches()) {
      if (m.operation() == null) {
        continue;
      }
      checked++;
      var op = m.operation().operation();
      for (ContractDocument.HeaderParameter h : PactContract.document().headerParameters(op.operationId())) {
        var value = m.interaction().requestHeader(h.name());
        if (h.required() && value.isEmpty()) {
          wrong.add(m.interaction() + ": no " + h.name());
        } else if (value.isPresent() && h.fixedValue() != null && !h.fixedValue().equals(value.get())) {
          wrong.add(m.interaction() + ": " + h.name() + " is '" + value.get() + "', the contract fixes '" + h.fixedValue() + "'");
        }
      }
      if (!op.requestContentTypes().isEmpty() && m.interaction().requestBody() != null) {
        String type = m.interaction().requestHeader("Content-Type").map(t -> t.split(";")[0].strip()).orElse("");
        if (!op.requestContentTypes().contains(type)) {
          wrong.add(m.interaction() + ": Content-Type '" + type + "' is not one of " + op.requestContentTypes());
        }
      }
    }
    if (checked == 0) {
      return CheckResult.fail("no interaction matches an operation");
    }
    return wrong.isEmpty() ? CheckResult.pass(checked + " requests carry their required headers")
        : CheckResult.fail(wrong.size() + " header defects", wrong);
  }
}
