package org.capillary.conformance.pact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.ContractDocument;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.spec.validation.Violation;

/**
 * Every response is one the operation declares for its status, and its body validates against the
 * schema declared for that status and media type: the consumer expects nothing the contract does
 * not promise.
 */
public final class ValidatePactResponseBodies implements Check<PactRun> {

  @Override
  public String description() {
    return "Every response status is declared by its operation, and its body validates against the declared schema.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-SIG-19");
  }

  @Override
  public CheckResult run(PactRun run, Transcript transcript) {
    List<String> wrong = new ArrayList<>();
    int validated = 0;
    for (PactRun.Matched m : run.matches()) {
      if (m.operation() == null) {
        continue;
      }
      String op = m.operation().operation().operationId();
      var declared = PactContract.document().response(op, m.interaction().status());
      if (declared.isEmpty()) {
        wrong.add(m.interaction() + ": " + op + " declares no response " + m.interaction().status());
        continue;
      }
      var body = m.interaction().responseBody();
      if (body == null) {
        continue;
      }
      ContractDocument.Response response = declared.get();
      String type = m.interaction().responseMediaType().orElse(response.schemas().size() == 1
          ? response.schemas().keySet().iterator().next() : "");
      if (!response.schemas().containsKey(type)) {
        wrong.add(m.interaction() + ": media type '" + type + "' is not declared for " + op + " " + response.status());
        continue;
      }
      String schema = response.schemas().get(type);
      if (schema == null) {
        continue;
      }
      validated++;
      for (Violation v : PactContract.validator().validateAgainst(schema, body)) {
        wrong.add(m.interaction() + ": " + schema + " " + v.pointer() + " " + v.code() + " (" + v.detail() + ")");
      }
    }
    return wrong.isEmpty() ? CheckResult.pass(validated + " response bodies validate")
        : CheckResult.fail(wrong.size() + " response defects", wrong);
  }
}
