package org.capillary.examples.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.capillary.examples.insurer.CycleSettings;
import org.capillary.examples.insurer.InsurerServiceCycle;
import org.capillary.gateway.it.GatewayProcess;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.CapillaryClientBuilder;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.exception.CapillaryClientException;
import org.capillary.sdk.models.AiAlertEvent;
import org.capillary.sdk.models.AlertEvent;
import org.capillary.sdk.models.ElectricityAlarmEvent;
import org.capillary.sdk.models.ReceivedAlert;
import org.capillary.sdk.models.SubmissionReceipt;
import org.capillary.sdk.upload.UploadedMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device example against the packaged gateway, through an outage: online, then the gateway
 * stopped (alerts queued on disk), then the device restarted and the gateway restarted on the same
 * data folder (queue drained), then an answer lost after the gateway filed a batch (resent with
 * the same key: replayed). At the end the platform holds every alert exactly once.
 */
class DeviceConnectorOutageIT {

  static final String INSURER_KEY = "gateway/src/main/resources/connectors/demo-keys/demo-insurer-a-es256-1.jwk.json";

  @TempDir
  Path work;

  static Path repoRoot() {
    return Path.of(System.getProperty("capillary.repo.root", "../.."));
  }

  static CapillaryClient client(GatewayProcess gateway, String connector, String key) throws Exception {
    return new CapillaryClientBuilder().endpoint(gateway.baseUri().toString()).connectorId(connector)
        .credential(CapillaryKeyCredential.fromJwk(Files.readString(repoRoot().resolve(key)))).buildClient();
  }

  static String run(GatewayProcess gateway, String project, Path queue) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = DeviceConnectorMain.run(new String[] {"--endpoint", gateway.baseUri().toString(), "--project", project,
        "--queue", queue.toString(), "--key", repoRoot().resolve(DeviceConnectorMain.DEMO_KEY).toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Clock.systemUTC());
    assertThat(status).as("stderr: %s%nstdout: %s", err.toString(StandardCharsets.UTF_8), out).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void alertsQueuedDuringAnOutageAreSentWhenTheGatewayReturnsAndNoneTwice() throws Exception {
    Path dataDir = work.resolve("gateway-data");
    Path queue = work.resolve("device-queue");
    GatewayProcess gateway = GatewayProcess.embedded("device-example", dataDir).start();
    String project;
    try {
      project = new InsurerServiceCycle(client(gateway, "demo-insurer-a", INSURER_KEY),
          CycleSettings.create(Clock.systemUTC())).run().projectId();

      // online: 1 alert, then a batch of 3, sent at once
      String online = run(gateway, project, queue);
      assertThat(online).contains("sent     publishAlert ", "sent     publishAlertBatch 3 alert(s)",
          "The platform has 4 alerts");
    } finally {
      gateway.stop();
    }

    // the gateway is down: the next run queues both deliveries on disk
    String offline = run(gateway, project, queue);
    assertThat(offline).contains("gateway unreachable", "2 deliveries wait");
    List<QueuedDelivery> queued = AlertJournal.open(queue, Clock.systemUTC()).pending();
    assertThat(queued).hasSize(2);

    // the gateway comes back on the same data folder (another port); the device restarts too
    GatewayProcess restarted = GatewayProcess.embedded("device-example-restarted", dataDir).start();
    try {
      String back = run(restarted, project, queue);
      assertThat(back).contains("queue #" + queued.get(0).sequence(), "queue #" + queued.get(1).sequence(),
          "The platform has 12 alerts");
      assertThat(AlertJournal.open(queue, Clock.systemUTC()).pending()).isEmpty();

      // the gateway files a batch but its answer is lost: the resend is answered from the stored result
      CapillaryClient vendor = client(restarted, "demo-camera-vendor", DeviceConnectorMain.DEMO_KEY);
      AlertJournal journal = AlertJournal.open(queue, Clock.systemUTC());
      AlertGateway real = AlertGateway.of(vendor, journal);
      AlertGateway losesOneAnswer = new AlertGateway() {
        private boolean lost;

        @Override
        public UploadedMedia upload(Path file, AlertMedia media, String projectId) {
          return real.upload(file, media, projectId);
        }

        @Override
        public SubmissionReceipt publish(List<AlertEvent> events, boolean batch, String idempotencyKey) {
          SubmissionReceipt receipt = real.publish(events, batch, idempotencyKey);
          if (!lost) {
            lost = true;
            throw new CapillaryClientException("the connection dropped before the answer", new java.io.IOException());
          }
          return receipt;
        }
      };
      SiteCamera camera = new SiteCamera(SiteDevices.forProject(project), journal, Clock.systemUTC());
      DrainResult lost = new StoreAndForward(journal, losesOneAnswer).sendBatch(camera.busyMinute());
      assertThat(lost.delivered()).isEmpty();
      assertThat(lost.remaining()).isEqualTo(1);
      DrainResult resent = new StoreAndForward(AlertJournal.open(queue, Clock.systemUTC()), real).drain();
      assertThat(resent.delivered()).singleElement()
          .satisfies(d -> assertThat(d.receipt().replayed()).as("answered from the stored result").isTrue());
      awaitApplied(vendor, resent.delivered().get(0).receipt().submissionId());

      // the platform's alert read API: 15 alerts, each (source, id) once, none marked duplicate
      List<ReceivedAlert> alerts = new ArrayList<>();
      vendor.listAlerts(project).forEach(alerts::add);
      Set<String> identities = new HashSet<>();
      for (ReceivedAlert alert : alerts) {
        Object event = alert.getEvent().getActualInstance();
        String identity = event instanceof AiAlertEvent ai ? ai.getSource() + " " + ai.getId()
            : ((ElectricityAlarmEvent) event).getSource() + " " + ((ElectricityAlarmEvent) event).getId();
        assertThat(identities.add(identity)).as("%s received once", identity).isTrue();
        assertThat(alert.getDuplicateOf()).isNull();
      }
      assertThat(alerts).hasSize(4 + 4 + 4 + 3);
    } finally {
      restarted.stop();
    }
  }

  private static void awaitApplied(CapillaryClient client, String submissionId) throws InterruptedException {
    for (int i = 0; i < 300 && "ACCEPTED".equals(client.getSubmission(submissionId).getStatus()); i++) {
      Thread.sleep(100);
    }
  }
}
