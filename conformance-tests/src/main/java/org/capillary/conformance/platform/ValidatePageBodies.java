package org.capillary.conformance.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.spec.validation.Violation;

/** Every page of listAlerts validates against the contract's AlertPage schema. */
public final class ValidatePageBodies implements Check<PaginationRun> {

  @Override
  public String description() {
    return "Every listAlerts page validates against AlertPage.";
  }

  @Override
  public Set<String> requirements() {
    return OperationRequirements.of(Set.of("listAlerts"));
  }

  @Override
  public CheckResult run(PaginationRun run, Transcript transcript) {
    List<String> wrong = new ArrayList<>();
    for (Exchange page : run.pages()) {
      if (page.status() != 200) {
        wrong.add(page.brief());
        continue;
      }
      for (Violation v : PlatformSession.sharedValidator().validateAgainst("schemas/AlertPage.json", page.json())) {
        wrong.add(page.label() + ": " + v.pointer() + " " + v.code() + " " + v.detail());
      }
    }
    return wrong.isEmpty() ? CheckResult.pass(run.pages().size() + " pages validate") : CheckResult.fail("pages do not validate", wrong);
  }
}
