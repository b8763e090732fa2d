package org.capillary.examples.device;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.CapillaryClientBuilder;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.exception.CapillaryClientException;
import org.capillary.sdk.exception.CapillaryServiceException;
import org.capillary.sdk.http.RetryOptions;
import org.capillary.sdk.models.ReceivedAlert;
import org.capillary.sdk.models.SubmissionReceipt;

/**
 * The command line of the device connector example. Each run: registers the site's devices, lets
 * the camera detect a worker without a helmet (one alert, with snapshot and clip) and then a busy
 * minute (a batch of three), sends them through the store-and-forward queue, and lists the
 * project's alerts as the platform received them. When the gateway is unreachable the alerts stay
 * in the queue folder; the next run sends them first.
 *
 * <pre>
 * java -jar examples/device-connector/target/device-connector.jar --project FT-XS-… \
 *     [--endpoint http://localhost:8080] [--connector demo-camera-vendor] \
 *     [--key gateway/src/main/resources/connectors/demo-keys/demo-camera-vendor-es256-1.jwk.json] \
 *     [--queue device-queue] [--timeout 30]
 * </pre>
 *
 * Exit status: 0 when everything was sent or queued, 1 when the gateway refused something, 2 for a
 * usage error.
 */
public final class DeviceConnectorMain {

  /** The demo camera vendor's TEST private key, relative to the repository root. */
  static final String DEMO_KEY = "gateway/src/main/resources/connectors/demo-keys/demo-camera-vendor-es256-1.jwk.json";
  private static final String USAGE = "usage: device-connector --project PROJECT_ID [--endpoint URL] [--connector ID]"
      + " [--key PRIVATE_JWK_FILE] [--timeout SECONDS] [--queue DIR]";

  /** The SDK logs each retry at INFO; the report below says what matters. Held: JUL keeps loggers weakly. */
  private static final java.util.logging.Logger SDK_LOG = java.util.logging.Logger.getLogger("org.capillary.sdk");

  private DeviceConnectorMain() {
  }

  /**
   * @param args {@code --project <id>} (a project an insurer registered, e.g. by the insurer
   *     example), {@code --endpoint}, {@code --connector}, {@code --key}, {@code --queue},
   *     {@code --timeout} (seconds one attempt waits for an answer, default 30)
   */
  public static void main(String[] args) {
    SDK_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
        new PrintStream(System.err, true, StandardCharsets.UTF_8), Clock.systemUTC()));
  }

  /**
   * Runs the example; {@link #main} without the exit, for tests and for running it inside another
   * program (the conformance suite certifies it this way).
   *
   * @param args the command-line arguments
   * @param out where the report goes
   * @param err where errors go
   * @param clock the devices' clock
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    String endpoint = "http://localhost:8080";
    String connector = "demo-camera-vendor";
    String key = DEMO_KEY;
    String timeout = "30";
    String project = null;
    String queue = "device-queue";
    for (int i = 0; i < args.length; i += 2) {
      if (args[i].equals("--help") || args[i].equals("-h")) {
        out.println(USAGE);
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
        case "--project" -> project = args[i + 1];
        case "--queue" -> queue = args[i + 1];
        default -> {
          err.println("unknown argument " + args[i] + " (try --help)");
          return 2;
        }
      }
    }
    if (project == null) {
      err.println("--project is required: the works project the devices are installed on (run the insurer example"
          + " first; it prints one)\n" + USAGE);
      return 2;
    }
    java.time.Duration readTimeout;
    try {
      readTimeout = java.time.Duration.ofSeconds(Long.parseLong(timeout));
    } catch (NumberFormatException e) {
      err.println("--timeout takes whole seconds, not " + timeout);
      return 2;
    }
    CapillaryClient client;
    try {
      client = new CapillaryClientBuilder()
          .endpoint(endpoint)
          .connectorId(connector)
          .credential(CapillaryKeyCredential.fromJwk(Files.readString(Path.of(key))))
          // how long one attempt waits for an answer before it is retried under the same key
          .readTimeout(readTimeout)
          // an unreachable gateway is normal for a device: give up quickly, the queue keeps the alert
          .retryOptions(RetryOptions.builder().maxRetries(2).build())
          .buildClient();
    } catch (IOException e) {
      err.println("cannot read the key file " + key + ": " + e.getMessage() + " (run from the repository root, or pass --key)");
      return 2;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }

    AlertJournal journal = AlertJournal.open(Path.of(queue), clock);
    StoreAndForward forwarder = new StoreAndForward(journal, AlertGateway.of(client, journal));
    SiteDevices devices = SiteDevices.forProject(project);
    SiteCamera camera = new SiteCamera(devices, journal, clock);
    out.printf("Device connector %s -> %s, project %s, queue %s (%d waiting from earlier runs)%n", connector, endpoint,
        project, queue, journal.pending().size());

    try {
      boolean online = true;
      try {
        List<SubmissionReceipt> receipts = devices.register(client, clock);
        List<String> ids = List.of(devices.cameraId(), devices.monitorId());
        for (int i = 0; i < receipts.size(); i++) {
          out.printf("  registered %-40s %s  seq %d%n", ids.get(i), receipts.get(i).submissionId(),
              receipts.get(i).sequence());
        }
      } catch (CapillaryClientException e) {
        online = false;
        out.println("  gateway unreachable (" + firstClause(e.getMessage()) + "): alerts will wait in the queue");
      }
      List<DrainResult> results = new java.util.ArrayList<>();
      results.add(report(out, "no helmet (1 alert, snapshot + clip)", forwarder.send(camera.noHelmet())));
      results.add(report(out, "busy minute (batch of 3)", forwarder.sendBatch(camera.busyMinute())));
      DrainResult last = results.get(results.size() - 1);
      if (last.remaining() > 0 || !online) {
        out.printf("%n%d deliveries wait in %s; run again when the gateway is reachable.%n", last.remaining(), queue);
        return 0;
      }
      // Alerts are listed from the platform's projections, which apply a submission shortly after
      // it is stored: wait (a few seconds at most) until the last one is applied.
      results.stream().flatMap(r -> r.delivered().stream()).reduce((a, b) -> b)
          .ifPresent(d -> awaitApplied(client, d.receipt().submissionId()));
      List<ReceivedAlert> received = new java.util.ArrayList<>();
      client.listAlerts(project).forEach(received::add);
      out.printf("%nThe platform has %d alerts of %s from this connector (oldest first):%n", received.size(), project);
      for (ReceivedAlert a : received) {
        Object event = a.getEvent().getActualInstance();
        String what = event instanceof org.capillary.sdk.models.AiAlertEvent ai
            ? ai.getData().getEventType() + " " + ai.getData().getOutcome()
            : event instanceof org.capillary.sdk.models.ElectricityAlarmEvent el
                ? el.getData().getKind() + " " + el.getData().getMeasuredValue() + " " + el.getData().getUnit()
                : "?";
        out.printf("  %-30s %s  review %s%s%n", what, a.getSubmissionId(), a.getReviewStatus(),
            a.getDuplicateOf() == null ? "" : "  duplicate of " + a.getDuplicateOf());
      }
      return 0;
    } catch (CapillaryServiceException e) {
      err.printf("refused: HTTP %d %s (request %s): %s%n", e.statusCode(), e.errorCode(), e.requestId(), e.getMessage());
      return 1;
    }
  }

  /** The SDK's messages go on to advise on idempotency keys, which the queue already handles. */
  private static String firstClause(@org.jspecify.annotations.Nullable String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf(';');
    return end < 0 ? message : message.substring(0, end);
  }

  private static void awaitApplied(CapillaryClient client, String submissionId) {
    for (int polls = 0; polls < 100 && "ACCEPTED".equals(client.getSubmission(submissionId).getStatus()); polls++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static DrainResult report(PrintStream out, String what, DrainResult result) {
    out.printf("  detected %s%n", what);
    for (DrainResult.Delivered d : result.delivered()) {
      SubmissionReceipt r = d.receipt();
      out.printf("    sent     %-17s %d alert(s), queue #%d  %s  seq %d  at %s%s%n", r.claims().operationId(),
          d.delivery().alerts().size(), d.delivery().sequence(), r.submissionId(), r.sequence(), r.claims().issuedAt(),
          r.replayed() ? "  (replayed: filed before, not twice)" : "");
    }
    for (DrainResult.Rejected d : result.rejected()) {
      out.printf("    REJECTED queue #%d: %s%n", d.delivery().sequence(), d.problem());
    }
    if (result.stoppedBecause() != null) {
      out.printf("    queued   %d waiting: %s%n", result.remaining(), firstClause(result.stoppedBecause()));
    }
    return result;
  }
}
