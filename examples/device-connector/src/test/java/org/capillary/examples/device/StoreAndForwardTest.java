package org.capillary.examples.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreAndForwardTest {

  @TempDir
  Path dir;

  private final Fixtures.FakeGateway gateway = new Fixtures.FakeGateway();

  private StoreAndForward forwarder() {
    return new StoreAndForward(AlertJournal.open(dir, Fixtures.CLOCK), gateway);
  }

  private SiteCamera camera(StoreAndForward forwarder) {
    return new SiteCamera(Fixtures.SITE, forwarder.journal(), Fixtures.CLOCK);
  }

  @Test
  void onlineEveryDeliveryIsSentAtOnceWithItsMediaUploadedFirst() {
    StoreAndForward forwarder = forwarder();

    DrainResult single = forwarder.send(camera(forwarder).noHelmet());
    DrainResult batch = forwarder.sendBatch(camera(forwarder).busyMinute());

    assertThat(single.delivered()).hasSize(1);
    assertThat(batch.delivered()).hasSize(1);
    assertThat(batch.remaining()).isZero();
    assertThat(batch.stoppedBecause()).isNull();
    assertThat(gateway.uploads).hasSize(3);
    assertThat(gateway.published).extracting(Fixtures.FakeGateway.Published::batch).containsExactly(false, true);
    assertThat(gateway.published.get(0).json()).contains("\"snapshot\":{\"mediaId\":\"med-1\"", "\"clip\":{\"mediaId\":\"med-2\"");
    assertThat(forwarder.journal().pending()).isEmpty();
  }

  @Test
  void whileTheGatewayIsUnreachableAlertsWaitAndAfterARestartAreSentOnceInOrderWithTheirKeys() {
    StoreAndForward before = forwarder();
    gateway.reachable = false;
    DrainResult first = before.send(camera(before).noHelmet());
    DrainResult second = before.sendBatch(camera(before).busyMinute());
    assertThat(first.delivered()).isEmpty();
    assertThat(second.remaining()).isEqualTo(2);
    assertThat(second.stoppedBecause()).startsWith("gateway unreachable");
    List<String> keys = before.journal().pending().stream().map(QueuedDelivery::idempotencyKey).toList();

    // the device restarts, then the gateway comes back
    gateway.reachable = true;
    StoreAndForward after = forwarder();
    DrainResult drained = after.drain();

    assertThat(drained.delivered()).extracting(d -> d.delivery().idempotencyKey()).containsExactlyElementsOf(keys);
    assertThat(drained.remaining()).isZero();
    assertThat(gateway.published).extracting(Fixtures.FakeGateway.Published::idempotencyKey).containsExactlyElementsOf(keys);
    assertThat(after.journal().pending()).isEmpty();
  }

  @Test
  void aPartialFailureKeepsWhatWasNotSentAndNeverUploadsAFileTwice() {
    StoreAndForward forwarder = forwarder();
    gateway.reachable = false;
    forwarder.send(camera(forwarder).noHelmet());
    forwarder.sendBatch(camera(forwarder).busyMinute());
    // the device restarts and the gateway returns: it takes the first delivery, then the connection
    // drops while the second is being published (after its media were uploaded)
    gateway.reachable = true;
    StoreAndForward restarted = forwarder();
    QueuedDelivery second = restarted.journal().pending().get(1);
    DrainResult firstOnly = new StoreAndForward(restarted.journal(), new AlertGateway() {
      private int publications;

      @Override
      public org.capillary.sdk.upload.UploadedMedia upload(Path file, AlertMedia media, String projectId) {
        return gateway.upload(file, media, projectId);
      }

      @Override
      public org.capillary.sdk.models.SubmissionReceipt publish(List<org.capillary.sdk.models.AlertEvent> events,
          boolean batch, String idempotencyKey) {
        if (++publications == 2) {
          throw new org.capillary.sdk.exception.CapillaryClientException("connection reset",
              new java.io.IOException("reset"));
        }
        return gateway.publish(events, batch, idempotencyKey);
      }
    }).drain();
    assertThat(firstOnly.delivered()).hasSize(1);
    assertThat(firstOnly.remaining()).isEqualTo(1);
    int uploads = gateway.uploads.size();
    QueuedDelivery kept = restarted.journal().pending().get(0);
    assertThat(kept.idempotencyKey()).isEqualTo(second.idempotencyKey());
    assertThat(kept.ready()).isTrue();

    DrainResult rest = forwarder().drain();

    assertThat(rest.delivered()).hasSize(1);
    assertThat(gateway.uploads).hasSize(uploads);   // the snapshot was uploaded once, its id journaled
    assertThat(gateway.published).hasSize(2);
  }

  @Test
  void aLostAnswerIsRepairedByTheSameKeyAndOctetsWithoutFilingTwice() {
    StoreAndForward forwarder = forwarder();
    gateway.loseAnswers = 1;
    DrainResult lost = forwarder.sendBatch(camera(forwarder).busyMinute());
    assertThat(lost.delivered()).isEmpty();
    assertThat(lost.remaining()).isEqualTo(1);
    assertThat(gateway.published).hasSize(1);   // the gateway did file it

    DrainResult resent = forwarder().drain();

    assertThat(resent.delivered()).singleElement().satisfies(d -> assertThat(d.receipt().replayed()).isTrue());
    assertThat(gateway.published).hasSize(1);
  }

  @Test
  void aRefusalForGoodIsSetAsideAndDoesNotHoldUpTheQueue() {
    StoreAndForward forwarder = forwarder();
    gateway.reachable = false;
    forwarder.sendBatch(camera(forwarder).busyMinute());
    forwarder.send(camera(forwarder).noHelmet());
    gateway.reachable = true;
    gateway.refuseWith = 422;
    AlertGateway refuseFirstOnly = new AlertGateway() {
      private boolean refused;

      @Override
      public org.capillary.sdk.upload.UploadedMedia upload(Path file, AlertMedia media, String projectId) {
        return gateway.upload(file, media, projectId);
      }

      @Override
      public org.capillary.sdk.models.SubmissionReceipt publish(List<org.capillary.sdk.models.AlertEvent> events,
          boolean batch, String idempotencyKey) {
        gateway.refuseWith = refused ? 0 : 422;
        refused = true;
        return gateway.publish(events, batch, idempotencyKey);
      }
    };

    DrainResult result = new StoreAndForward(forwarder.journal(), refuseFirstOnly).drain();

    assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.problem()).startsWith("422"));
    assertThat(result.delivered()).hasSize(1);
    assertThat(forwarder.journal().rejected()).hasSize(1);
    assertThat(forwarder.journal().pending()).isEmpty();
  }

  @Test
  void aTemporaryRefusalStopsTheDrainAndKeepsTheDelivery() {
    StoreAndForward forwarder = forwarder();
    AlertGateway busy = new AlertGateway() {
      @Override
      public org.capillary.sdk.upload.UploadedMedia upload(Path file, AlertMedia media, String projectId) {
        return gateway.upload(file, media, projectId);
      }

      @Override
      public org.capillary.sdk.models.SubmissionReceipt publish(List<org.capillary.sdk.models.AlertEvent> events,
          boolean batch, String idempotencyKey) {
        throw new org.capillary.sdk.exception.CapillaryServiceException("503 SERVICE_UNAVAILABLE", 503, "req-3", null,
            List.of(), true);
      }
    };
    forwarder.journal().enqueue(camera(forwarder).busyMinute(), true);

    DrainResult result = new StoreAndForward(forwarder.journal(), busy).drain();

    assertThat(result.delivered()).isEmpty();
    assertThat(result.rejected()).isEmpty();
    assertThat(result.remaining()).isEqualTo(1);
    assertThat(result.stoppedBecause()).startsWith("refused for now: 503");
    assertThat(forwarder.journal().pending()).hasSize(1);
  }
}
