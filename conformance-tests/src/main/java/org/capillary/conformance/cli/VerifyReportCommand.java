package org.capillary.conformance.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.capillary.conformance.report.CertificationReportVerifier;
import org.capillary.conformance.report.ReportVerification;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verify-report}: checks a certification report offline; exit 0 only if it verifies. */
@Command(name = "verify-report", description = "Verifies a certification report: signature, contract digest, validity,"
    + " and (with --transcript) the transcript's hash chain and results.")
final class VerifyReportCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", description = "The report (certification-report.jws).")
  Path report = Path.of("certification-report.jws");

  @Option(names = "--key", required = true, description = "The operator's public certification keys (JWK Set or JWK).")
  Path key = Path.of("operator.jwks");

  @Option(names = "--transcript", description = "The run's transcript.json, to verify with the report.")
  @Nullable Path transcript;

  @Override
  public Integer call() {
    String jws;
    try {
      jws = Files.readString(report, StandardCharsets.US_ASCII);
    } catch (IOException | UncheckedIOException e) {
      throw new UsageException("cannot read the report " + report);
    }
    if (transcript != null && !Files.isRegularFile(transcript)) {
      throw new UsageException("no transcript at " + transcript);
    }
    ReportVerification v = CertificationReportVerifier.create(CertificationReportVerifier.readKeys(key), Clock.systemUTC())
        .verify(jws, transcript);
    var out = spec.commandLine().getOut();
    v.notes().forEach(n -> out.println("note: " + n));
    if (v.valid()) {
      var c = v.claims();
      out.printf("VALID: plan %s, target %s, status %s, contract %s, %d results, transcript head %s%s%n",
          c.path("plan").path("id").asString(""), c.path("target").path("id").asString(""), c.path("status").asString(""),
          c.path("contract").path("digest").asString(""), c.path("results").size(),
          c.path("transcript").path("headHash").asString(""), transcript == null ? " (transcript not checked)" : "");
      return ConformanceCommand.OK;
    }
    out.println("INVALID:");
    v.problems().forEach(p -> out.println("  - " + p));
    return ConformanceCommand.FAILED;
  }
}
