package org.capillary.conformance.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.capillary.conformance.RequirementsLedger;
import org.capillary.conformance.coverage.CoverageReport;
import org.capillary.conformance.coverage.NotTestedReasons;
import org.capillary.conformance.coverage.RequirementsCoverage;
import org.capillary.conformance.run.PlanCatalog;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coverage}: which requirement ids the plans' checks verify; exit 1 if an id is unexplained. */
@Command(name = "coverage", description = "Lists the requirement ids the checks cover and why the others are not tested.")
final class CoverageCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", description = "Also write the report to this file.")
  @Nullable Path out;

  @Override
  public Integer call() {
    CoverageReport report = RequirementsCoverage.compute(PlanCatalog.load().plans(),
        RequirementsLedger.load(RequirementsCoverage.RULE_PROFILE), NotTestedReasons.load());
    String text = report.toText();
    spec.commandLine().getOut().print(text);
    if (out != null) {
      try {
        Files.writeString(out, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return report.consistent() ? ConformanceCommand.OK : ConformanceCommand.FAILED;
  }
}
