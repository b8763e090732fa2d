package org.capillary.conformance.cli;

import java.util.concurrent.Callable;
import org.capillary.conformance.plan.Plan;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.run.PlanCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code list-plans}: every registered plan with its role, checks and settings. */
@Command(name = "list-plans", description = "Lists the plans, their checks and the settings they need.")
final class ListPlansCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (Plan plan : PlanCatalog.load().plans()) {
      int checks = plan.scenarios().stream().mapToInt(s -> s.checks().size()).sum();
      out.printf("%s (role %s): %d scenarios, %d checks%n  %s%n", plan.id(), plan.role(), plan.scenarios().size(), checks,
          plan.description());
      plan.requiredSettings().forEach((k, v) -> out.printf("  --set %s=...   (required) %s%n", k, v));
      plan.optionalSettings().forEach((k, v) -> out.printf("  --set %s=...   (optional) %s%n", k, v));
      for (Scenario<?> s : plan.scenarios()) {
        out.printf("  scenario %s: %s%n", s.id(), s.description());
      }
    }
    return ConformanceCommand.OK;
  }
}
