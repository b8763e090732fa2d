package org.capillary.conformance.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The suite's command line.
 *
 * <pre>
 * java -jar capillary-conformance.jar list-plans
 * java -jar capillary-conformance.jar run --plan platform --set baseUrl=http://127.0.0.1:8080 ... --out out/ [--sign-with cert.jwk]
 * java -jar capillary-conformance.jar verify-report out/certification-report.jws --key operator-cert.jwks [--transcript out/transcript.json]
 * java -jar capillary-conformance.jar coverage
 * </pre>
 *
 * <p>Exit codes: {@value #OK} when every mandatory check passed (or the report verifies),
 * {@value #FAILED} on failures, {@value #USAGE} on usage errors (unknown plan, missing setting,
 * unreadable key).
 */
@Command(name = "capillary-conformance", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Certifies Capillary connectors and platform implementations.",
    subcommands = {ListPlansCommand.class, RunCommand.class, VerifyReportCommand.class, CoverageCommand.class})
public final class ConformanceCommand implements Runnable {

  /** Success. */
  public static final int OK = 0;
  /** A mandatory check failed, or a report did not verify. */
  public static final int FAILED = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: list-plans, run, verify-report, coverage");
  }

  /**
   * Runs the command line and exits the JVM with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /**
   * Runs the command line without exiting.
   *
   * @param args the arguments
   * @param out where results go
   * @param err where errors go
   * @return the exit code
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ConformanceCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof UsageException || e instanceof IllegalArgumentException) {
        commandLine.getErr().println("error: " + e.getMessage());
        return USAGE;
      }
      commandLine.getErr().println("error: " + e);
      return FAILED;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
