package org.capillary.conformance.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import tools.jackson.databind.JsonNode;

/**
 * Every invalid example of the contract is refused as the example says: status, problem code and
 * every expected {@code errors[]} pointer with its violation code.
 */
public final class ExpectInvalidExamplesRejected implements Check<WriteRun> {

  @Override
  public String description() {
    return "Every invalid example is refused with the status, code and (pointer, code) violations the contract's example states.";
  }

  @Override
  public Set<String> requirements() {
    Set<String> ids = new TreeSet<>();
    for (ContractExamples.Example e : ContractExamples.all()) {
      if (!e.valid()) {
        ProblemCodes.of(e.expect().path("code").asString("")).ifPresent(c -> ids.add(c.requirement()));
      }
    }
    return ids;
  }

  @Override
  public CheckResult run(WriteRun run, Transcript transcript) {
    List<String> wrong = new ArrayList<>();
    for (WriteRun.Attempt a : run.refused()) {
      wrong.addAll(defects(a));
    }
    if (run.refused().isEmpty()) {
      return CheckResult.notApplicable("the contract has no invalid examples of write operations");
    }
    return wrong.isEmpty() ? CheckResult.pass(run.refused().size() + " invalid examples refused as the contract states")
        : CheckResult.fail(wrong.size() + " invalid examples not refused as stated", wrong);
  }

  private static List<String> defects(WriteRun.Attempt a) {
    List<String> wrong = new ArrayList<>();
    Exchange e = a.exchange();
    int status = a.expect().path("status").asInt();
    String code = a.expect().path("code").asString("");
    if (e.status() != status || !e.code().equals(code)) {
      wrong.add(e.brief() + ", expected " + status + " " + code + " " + e.bodyText(300));
      return wrong;
    }
    for (JsonNode expected : a.expect().path("errors")) {
      boolean found = false;
      for (JsonNode actual : e.json().path("errors")) {
        found |= expected.path("pointer").equals(actual.path("pointer")) && expected.path("code").equals(actual.path("code"));
      }
      if (!found) {
        wrong.add(a + ": no error " + expected.path("pointer").asString("") + " " + expected.path("code").asString("")
            + " in " + e.json().path("errors"));
      }
    }
    return wrong;
  }
}
