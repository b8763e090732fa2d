package org.capillary.examples.insurer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.CapillaryClientBuilder;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.exception.CapillaryClientException;
import org.capillary.sdk.exception.CapillaryServiceException;
import org.capillary.sdk.exception.Violation;
import org.capillary.sdk.models.Obligation;
import org.capillary.sdk.models.ObligationList;
import org.capillary.sdk.upload.UploadedMedia;

/**
 * The command line of the insurer connector example: runs one {@link InsurerServiceCycle} against a
 * gateway and prints every upload, every receipt and the project's obligations.
 *
 * <pre>
 * java -jar examples/insurer-connector/target/insurer-connector.jar \
 *     [--endpoint http://localhost:8080] [--connector demo-insurer-a] \
 *     [--key gateway/src/main/resources/connectors/demo-keys/demo-insurer-a-es256-1.jwk.json] \
 *     [--timeout 30]
 * </pre>
 *
 * Exit status: 0 when every record was filed, 1 when the gateway refused one or could not be
 * reached, 2 for a usage error.
 */
public final class InsurerConnectorMain {

  /** The demo insurer's TEST private key, relative to the repository root. */
  static final String DEMO_KEY = "gateway/src/main/resources/connectors/demo-keys/demo-insurer-a-es256-1.jwk.json";

  /** The SDK logs each retry at INFO; the report below says what matters. Held: JUL keeps loggers weakly. */
  private static final java.util.logging.Logger SDK_LOG = java.util.logging.Logger.getLogger("org.capillary.sdk");

  private InsurerConnectorMain() {
  }

  /**
   * @param args {@code --endpoint <url>}, {@code --connector <id>}, {@code --key <private JWK file>},
   *     {@code --timeout <seconds one attempt waits for an answer, default 30>}
   */
  public static void main(String[] args) {
    SDK_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
        new PrintStream(System.err, true, StandardCharsets.UTF_8)));
  }

  /**
   * Runs the example; {@link #main} without the exit, for tests and for running it inside another
   * program (the conformance suite certifies it this way).
   *
   * @param args the command-line arguments
   * @param out where the report goes
   * @param err where errors go
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String endpoint = "http://localhost:8080";
    String connector = "demo-insurer-a";
    String key = DEMO_KEY;
    String timeout = "30";
    for (int i = 0; i < args.length; i += 2) {
      if (args[i].equals("--help") || args[i].equals("-h")) {
        out.println("usage: insurer-connector [--endpoint URL] [--connector ID] [--key PRIVATE_JWK_FILE]"
            + " [--timeout SECONDS]");
        return 0;
      }
      if (i + 1 == args.length || args[i + 1].startsWith("--")) {
        err.println(args[i] + " needs a value (try --help)");
        return 2;
      }
      switch (args[i]) {
        case "--endpoint" -> endpoint = args[i + 1];
        case "--connector" -> connector = args[i + 1];
        case "--key" -> key = args[i + 1];
        case "--timeout" -> timeout = args[i + 1];
        default -> {
          err.println("unknown argument " + args[i] + " (try --help)");
          return 2;
        }
      }
    }
    java.time.Duration readTimeout;
    try {
      readTimeout = java.time.Duration.ofSeconds(Long.parseLong(timeout));
    } catch (NumberFormatException e) {
      err.println("--timeout takes whole seconds, not " + timeout);
      return 2;
    }
    CapillaryKeyCredential credential;
    try {
      credential = CapillaryKeyCredential.fromJwk(Files.readString(Path.of(key)));
    } catch (IOException e) {
      err.println("cannot read the key file " + key + ": " + e.getMessage()
          + " (run from the repository root, or pass --key)");
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("not a private signing JWK: " + key + ": " + e.getMessage());
      return 2;
    }
    CapillaryClient client;
    try {
      client = new CapillaryClientBuilder()
          .endpoint(endpoint)
          .connectorId(connector)
          .credential(credential)
          .readTimeout(readTimeout)
          .buildClient();
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    CycleSettings settings = CycleSettings.create(Clock.systemUTC());
    out.printf("Insurer connector %s (key %s) -> %s%n", connector, credential.kid(), endpoint);
    out.printf("Works project %s, policy %s%n%n", settings.projectId(), settings.policyId());
    try {
      CycleResult result = new InsurerServiceCycle(client, settings).run(new Printer(out));
      printObligations(out, result.obligations());
      out.printf("%nFiled %d records for %s; every receipt verified against the gateway's JWK Set.%n",
          result.filings().size(), result.projectId());
      out.printf("Submission statuses: %s%n", summary(result.statuses().values()));
      return 0;
    } catch (CapillaryServiceException e) {
      err.printf("refused: HTTP %d %s (request %s): %s%n", e.statusCode(), e.errorCode(), e.requestId(), e.getMessage());
      for (Violation v : e.violations()) {
        err.printf("  %s %s %s%n", v.pointer(), v.code(), v.detail());
      }
      return 1;
    } catch (CapillaryClientException e) {
      err.println("no answer from " + endpoint + ": " + e.getMessage() + " (is the gateway running?)");
      return 1;
    }
  }

  private static String summary(java.util.Collection<String> statuses) {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    statuses.forEach(s -> counts.merge(s, 1L, Long::sum));
    return counts.toString();
  }

  private static void printObligations(PrintStream out, ObligationList list) {
    out.printf("%nObligations of %s (rule profile %s, evaluated %s):%n", list.getProjectId(), list.getRuleProfile(),
        list.getEvaluatedAt() == null ? "-" : list.getEvaluatedAt().truncatedTo(ChronoUnit.SECONDS));
    List<Obligation> obligations = list.getObligations();
    for (Obligation o : obligations) {
      out.printf("  %-8s %-14s due %-22s %s%s%n", o.getObligationId().length() > 8 ? o.getRuleId() : o.getObligationId(),
          o.getState(), o.getDueAt() == null ? "-" : o.getDueAt().truncatedTo(ChronoUnit.MINUTES).toString(), o.getTitle(),
          o.getDetail() == null ? "" : " (" + o.getDetail() + ")");
    }
  }

  /** Prints each upload and receipt as the cycle goes. */
  private static final class Printer implements CycleListener {
    private final PrintStream out;

    Printer(PrintStream out) {
      this.out = out;
    }

    @Override
    public void uploaded(String purpose, UploadedMedia media) {
      out.printf("  uploaded %-31s %s  %,d octets  sha256 %s…%n", purpose, media.mediaId(), media.length(),
          media.sha256().substring(0, 12));
    }

    @Override
    public void filed(Filing filing) {
      out.printf("  filed    %-31s %-24s %s  seq %d  at %s%n", filing.operationId(), filing.recordId(),
          filing.receipt().submissionId(), filing.receipt().sequence(), filing.receipt().claims().issuedAt());
    }
  }
}
