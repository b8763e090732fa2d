package org.capillary.conformance.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.capillary.conformance.plan.Plan;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.report.CertificationReportSigner;
import org.capillary.conformance.report.CertificationStatus;
import org.capillary.conformance.report.ReportFiles;
import org.capillary.conformance.run.CheckOutcome;
import org.capillary.conformance.run.CheckSelection;
import org.capillary.conformance.run.PlanCatalog;
import org.capillary.conformance.run.PlanRunner;
import org.capillary.conformance.run.RunResult;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: runs a plan and writes its reports; exit 0 only if every mandatory check passed. */
@Command(name = "run", description = "Runs a plan against a target and writes transcript, results, HTML, JUnit XML"
    + " and (with --sign-with) the signed certification report.")
final class RunCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--plan", required = true, description = "The plan id (see list-plans).")
  String planId = "";

  @Option(names = "--set", description = "A setting, key=value (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--out", required = true, description = "The folder for the reports.")
  Path out = Path.of("conformance-out");

  @Option(names = "--sign-with", description = "The operator's certification key (a private EC P-256 JWK).")
  @Nullable Path signWith;

  @Option(names = "--issuer", description = "The operator named as issuer of the report (default: the key's kid).")
  @Nullable String issuer;

  @Option(names = "--validity", description = "How long the report is valid, ISO-8601 (default P365D).")
  Duration validity = Duration.ofDays(365);

  @Option(names = "--timeout", description = "How long one exchange may take, ISO-8601 (default PT30S).")
  Duration timeout = Duration.ofSeconds(30);

  @Option(names = "--skip", description = "An optional check to leave out (repeatable; mandatory checks cannot be).")
  List<String> skip = new ArrayList<>();

  @Override
  public Integer call() {
    PlanCatalog catalog = PlanCatalog.load();
    Plan plan = catalog.plan(planId).orElseThrow(() -> new UsageException("no plan " + planId + "; plans: "
        + catalog.plans().stream().map(Plan::id).toList()));
    Map<String, String> values = new LinkedHashMap<>();
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--set takes key=value, got " + set);
      }
      values.put(set.substring(0, eq), set.substring(eq + 1));
    }
    List<String> missing = plan.requiredSettings().keySet().stream().filter(k -> !values.containsKey(k)).toList();
    if (!missing.isEmpty()) {
      throw new UsageException("plan " + plan.id() + " needs the settings " + missing + " (see list-plans)");
    }
    CertificationReportSigner signer = signWith == null ? null : CertificationReportSigner.fromFile(signWith);
    CheckSelection selection = CheckSelection.without(plan, Set.copyOf(skip));
    RunSettings settings = new RunSettings(Clock.systemUTC(), out.resolve("work"), timeout, values);
    RunResult result = new PlanRunner().run(plan, settings, selection);
    ReportFiles.write(result, out, signer, issuer != null ? issuer : signer != null ? signer.kid() : "unsigned",
        plan.targetId(settings), validity);
    print(result, spec.commandLine().getOut());
    return result.mandatoryPassed() ? ConformanceCommand.OK : ConformanceCommand.FAILED;
  }

  private void print(RunResult result, PrintWriter w) {
    for (CheckOutcome o : result.outcomes()) {
      if (o.failed()) {
        w.printf("%-5s %s%s / %s: %s%n", o.status(), o.mandatory() ? "" : "(optional) ", o.scenarioId(), o.check(),
            o.result().summary());
        o.result().evidence().stream().limit(10).forEach(e -> w.println("        " + e));
      }
    }
    w.printf("plan %s: %s; %s; reports in %s%n", result.planId(), CertificationStatus.of(result).label(), result.counts(),
        out.toAbsolutePath());
  }
}
