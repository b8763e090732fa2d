package org.capillary.examples.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertJournalTest {

  @TempDir
  Path dir;

  @Test
  void queuedDeliveriesSurviveAReopenWithTheirKeysOrderAndOctets() {
    AlertJournal journal = AlertJournal.open(dir, Fixtures.CLOCK);
    SiteCamera camera = new SiteCamera(Fixtures.SITE, journal, Fixtures.CLOCK);
    QueuedDelivery single = journal.enqueue(List.of(camera.noHelmet()), false);
    QueuedDelivery batch = journal.enqueue(camera.busyMinute(), true);

    AlertJournal reopened = AlertJournal.open(dir, Fixtures.CLOCK);

    assertThat(reopened.pending()).containsExactly(single, batch);
    assertThat(reopened.pending().get(0).idempotencyKey()).isEqualTo(single.idempotencyKey());
    assertThat(single.idempotencyKey()).isNotEqualTo(batch.idempotencyKey());
    assertThat(reopened.pending().get(1).alerts()).extracting(QueuedAlert::id)
        .containsExactlyElementsOf(batch.alerts().stream().map(QueuedAlert::id).toList());
  }

  @Test
  void sequenceNumbersContinueAfterARestartSoOrderIsKept() {
    AlertJournal journal = AlertJournal.open(dir, Fixtures.CLOCK);
    SiteCamera camera = new SiteCamera(Fixtures.SITE, journal, Fixtures.CLOCK);
    journal.enqueue(List.of(camera.noHelmet()), false);
    QueuedDelivery second = journal.enqueue(List.of(camera.noHelmet()), false);

    AlertJournal reopened = AlertJournal.open(dir, Fixtures.CLOCK);
    QueuedDelivery third = reopened.enqueue(camera.busyMinute(), true);

    assertThat(third.sequence()).isEqualTo(second.sequence() + 1);
    assertThat(reopened.pending()).extracting(QueuedDelivery::sequence).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aTornWriteLeavesTheLastCompleteStateAndIsCleanedUp() throws IOException {
    AlertJournal journal = AlertJournal.open(dir, Fixtures.CLOCK);
    QueuedDelivery delivery = journal.enqueue(List.of(new SiteCamera(Fixtures.SITE, journal, Fixtures.CLOCK).noHelmet()),
        false);
    Path torn = dir.resolve("pending").resolve(String.format("%020d.json.tmp", delivery.sequence()));
    Files.writeString(torn, "{\"sequence\": 1, \"idempotencyKey\": \"alerts-");   // a crash in the middle of an update

    AlertJournal reopened = AlertJournal.open(dir, Fixtures.CLOCK);

    assertThat(reopened.pending()).containsExactly(delivery);
    assertThat(torn).doesNotExist();
  }

  @Test
  void updateReplacesTheStateDurably() {
    AlertJournal journal = AlertJournal.open(dir, Fixtures.CLOCK);
    QueuedDelivery delivery = journal.enqueue(List.of(new SiteCamera(Fixtures.SITE, journal, Fixtures.CLOCK).noHelmet()),
        false);
    QueuedDelivery uploaded = delivery.withAlert(0, delivery.alerts().get(0).withUploaded(0, "med-1", "ab".repeat(32)));

    journal.update(uploaded);

    QueuedDelivery read = AlertJournal.open(dir, Fixtures.CLOCK).pending().get(0);
    assertThat(read).isEqualTo(uploaded);
    assertThat(read.alerts().get(0).event().path("data").path("snapshot").path("mediaId").asText()).isEqualTo("med-1");
    assertThat(read.alerts().get(0).media().get(0).uploaded()).isTrue();
    assertThat(read.alerts().get(0).media().get(1).uploaded()).isFalse();
    assertThat(read.ready()).isFalse();
  }

  @Test
  void completeRemovesTheDeliveryAndItsMedia() throws IOException {
    AlertJournal journal = AlertJournal.open(dir, Fixtures.CLOCK);
    QueuedDelivery delivery = journal.enqueue(List.of(new SiteCamera(Fixtures.SITE, journal, Fixtures.CLOCK).noHelmet()),
        false);
    assertThat(Files.list(journal.mediaDirectory()).count()).isEqualTo(2);

    journal.complete(delivery);

    assertThat(journal.pending()).isEmpty();
    assertThat(Files.list(journal.mediaDirectory()).count()).isZero();
    assertThatThrownBy(() -> journal.update(delivery)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectSetsTheDeliveryAsideWithTheProblem() throws IOException {
    AlertJournal journal = AlertJournal.open(dir, Fixtures.CLOCK);
    QueuedDelivery delivery = journal.enqueue(new SiteCamera(Fixtures.SITE, journal, Fixtures.CLOCK).busyMinute(), true);

    journal.reject(delivery, "422 VALIDATION_FAILED: /data/eventType");

    assertThat(journal.pending()).isEmpty();
    assertThat(journal.rejected()).containsExactly(delivery);
    assertThat(Files.readString(dir.resolve("rejected").resolve(String.format("%020d.json.problem.txt", delivery.sequence()))))
        .isEqualTo("422 VALIDATION_FAILED: /data/eventType");
  }

  @Test
  void aDeliveryCitingAMissingFileIsRefused() {
    AlertJournal journal = AlertJournal.open(dir, Fixtures.CLOCK);
    QueuedAlert alert = new SiteCamera(Fixtures.SITE, journal, Fixtures.CLOCK).noHelmet();
    QueuedAlert missing = new QueuedAlert(alert.event(), List.of(AlertMedia.pending("snapshot", "gone.jpg",
        alert.media().get(0).kind(), "image/jpeg")));

    assertThatThrownBy(() -> journal.enqueue(List.of(missing), false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gone.jpg");
    assertThat(journal.pending()).isEmpty();
  }
}
