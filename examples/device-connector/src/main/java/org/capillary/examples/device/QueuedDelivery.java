package org.capillary.examples.device;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One request to the gateway waiting in the {@link AlertJournal}: a single alert
 * ({@code publishAlert}) or a batch ({@code publishAlertBatch}), with the {@code Idempotency-Key}
 * chosen when it was queued. Every attempt to send it, before and after a restart, uses that key
 * and the same octets, so the gateway files it once.
 *
 * @param sequence its place in the queue (sent in this order)
 * @param idempotencyKey the key of every attempt
 * @param batch whether it is sent as a batch (even of one alert)
 * @param queuedAt when it was queued
 * @param alerts the alerts, 1 to 500
 */
public record QueuedDelivery(long sequence, String idempotencyKey, boolean batch, Instant queuedAt,
    List<QueuedAlert> alerts) {

  /** Checks and copies the components. */
  public QueuedDelivery {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(queuedAt, "queuedAt");
    alerts = List.copyOf(alerts);
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1");
    }
    if (alerts.isEmpty() || alerts.size() > 500 || !batch && alerts.size() != 1) {
      throw new IllegalArgumentException("a delivery is one alert, or a batch of 1 to 500");
    }
  }

  /** @return whether every alert's media is uploaded, so the delivery can be published */
  public boolean ready() {
    return alerts.stream().allMatch(QueuedAlert::ready);
  }

  /**
   * @param index which alert
   * @param alert its new state
   * @return this delivery with that alert replaced
   */
  public QueuedDelivery withAlert(int index, QueuedAlert alert) {
    List<QueuedAlert> copy = new java.util.ArrayList<>(alerts);
    copy.set(index, alert);
    return new QueuedDelivery(sequence, idempotencyKey, batch, queuedAt, copy);
  }
}
