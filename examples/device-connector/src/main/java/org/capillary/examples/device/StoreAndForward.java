package org.capillary.examples.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.capillary.sdk.exception.CapillaryClientException;
import org.capillary.sdk.exception.CapillaryServiceException;
import org.capillary.sdk.models.AlertEvent;
import org.capillary.sdk.models.SubmissionReceipt;
import org.capillary.sdk.upload.UploadedMedia;

/**
 * Store and forward: every delivery is written to the {@link AlertJournal} before anything is
 * sent, then the journal is drained in order — media uploaded, then the alert or batch published —
 * and a delivery leaves the journal only once the gateway has answered with a receipt.
 *
 * <p>Why nothing is lost and nothing is filed twice:
 *
 * <ul>
 *   <li>While the gateway cannot be reached (or answers 503, 429 and other temporary refusals, after
 *       the SDK's own retries), the drain stops and the delivery stays queued, on disk; a later
 *       {@link #drain()} — after a restart too — sends it.
 *   <li>Each delivery keeps the {@code Idempotency-Key} chosen when it was queued, and its octets
 *       are frozen once its media are uploaded (each media id is journaled as soon as its upload
 *       completes). If the gateway filed a delivery but its answer was lost, the resend gets the
 *       stored receipt back ({@code replayed}); past the gateway's idempotency window (24 h), the
 *       CloudEvents {@code (source, id)} of each alert still marks a repeat as a duplicate.
 *   <li>A delivery refused for good (validation, authorisation: no retry can change the answer)
 *       is set aside in {@code rejected/} so that it does not hold up the alerts behind it.
 * </ul>
 *
 * <p>Not thread-safe: one drain at a time (a device has one uplink).
 */
public final class StoreAndForward {

  private final AlertJournal journal;
  private final AlertGateway gateway;

  /**
   * @param journal the queue on disk
   * @param gateway the gateway ({@link AlertGateway#of})
   */
  public StoreAndForward(AlertJournal journal, AlertGateway gateway) {
    this.journal = Objects.requireNonNull(journal, "journal");
    this.gateway = Objects.requireNonNull(gateway, "gateway");
  }

  /** @return the journal */
  public AlertJournal journal() {
    return journal;
  }

  /**
   * Journals one alert (sent with publishAlert), then drains the queue.
   *
   * @param alert the alert; its media files in the journal's media folder
   * @return what the drain did
   * @throws java.io.UncheckedIOException if the journal cannot be written
   */
  public DrainResult send(QueuedAlert alert) {
    journal.enqueue(List.of(alert), false);
    return drain();
  }

  /**
   * Journals alerts as one batch (sent with publishAlertBatch, accepted or refused as a whole),
   * then drains the queue.
   *
   * @param alerts 1 to 500 alerts; their media files in the journal's media folder
   * @return what the drain did
   * @throws java.io.UncheckedIOException if the journal cannot be written
   */
  public DrainResult sendBatch(List<QueuedAlert> alerts) {
    journal.enqueue(alerts, true);
    return drain();
  }

  /**
   * Sends what is queued, oldest first, until the queue is empty or the gateway cannot take more.
   *
   * @return what was delivered, set aside and left
   * @throws java.io.UncheckedIOException if the journal cannot be read or written
   */
  public DrainResult drain() {
    List<DrainResult.Delivered> delivered = new ArrayList<>();
    List<DrainResult.Rejected> rejected = new ArrayList<>();
    List<QueuedDelivery> queue = journal.pending();
    for (int i = 0; i < queue.size(); i++) {
      QueuedDelivery delivery = queue.get(i);
      try {
        delivery = uploadMedia(delivery);
        SubmissionReceipt receipt = gateway.publish(events(delivery), delivery.batch(), delivery.idempotencyKey());
        journal.complete(delivery);
        delivered.add(new DrainResult.Delivered(delivery, receipt));
      } catch (CapillaryClientException e) {
        return new DrainResult(delivered, rejected, queue.size() - i, "gateway unreachable: " + e.getMessage());
      } catch (CapillaryServiceException e) {
        String problem = e.statusCode() + " " + e.errorCode() + ": " + e.getMessage();
        if (e.isRetryable()) {
          return new DrainResult(delivered, rejected, queue.size() - i, "refused for now: " + problem);
        }
        journal.reject(delivery, problem);
        rejected.add(new DrainResult.Rejected(delivery, problem));
      }
    }
    return new DrainResult(delivered, rejected, 0, null);
  }

  /** Uploads the delivery's media not uploaded yet, journaling each media id as soon as it is known. */
  private QueuedDelivery uploadMedia(QueuedDelivery delivery) {
    QueuedDelivery current = delivery;
    for (int a = 0; a < current.alerts().size(); a++) {
      QueuedAlert alert = current.alerts().get(a);
      for (int m = 0; m < alert.media().size(); m++) {
        AlertMedia file = alert.media().get(m);
        if (file.uploaded()) {
          continue;
        }
        String projectId = alert.event().path("subject").asText();
        UploadedMedia media = gateway.upload(journal.mediaDirectory().resolve(file.fileName()), file, projectId);
        alert = alert.withUploaded(m, media.mediaId(), media.sha256());
        current = current.withAlert(a, alert);
        journal.update(current);
      }
    }
    return current;
  }

  private static List<AlertEvent> events(QueuedDelivery delivery) {
    List<AlertEvent> events = new ArrayList<>();
    for (QueuedAlert alert : delivery.alerts()) {
      try {
        events.add(JournalJson.MAPPER.treeToValue(alert.event(), AlertEvent.class));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("journaled alert " + alert.source() + "/" + alert.id()
            + " is not an AlertEvent: " + e.getOriginalMessage(), e);
      }
    }
    return events;
  }
}
