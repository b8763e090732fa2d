package org.capillary.examples.device;

import java.util.List;
import org.capillary.sdk.models.SubmissionReceipt;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link StoreAndForward#drain()} did.
 *
 * @param delivered the deliveries the gateway accepted, in order, with their receipts (a receipt
 *     whose {@code replayed()} is true answered a delivery the gateway had already filed: its
 *     answer had been lost, and nothing was filed twice)
 * @param rejected the deliveries refused for good and set aside ({@link AlertJournal#rejected()})
 * @param remaining how many deliveries are still queued
 * @param stoppedBecause why the drain stopped before the end of the queue (gateway unreachable, or
 *     a temporary refusal such as 503 or 429), or {@code null} when the queue is empty
 */
public record DrainResult(List<Delivered> delivered, List<Rejected> rejected, int remaining,
    @Nullable String stoppedBecause) {

  /** Copies the lists. */
  public DrainResult {
    delivered = List.copyOf(delivered);
    rejected = List.copyOf(rejected);
  }

  /**
   * A delivery the gateway accepted.
   *
   * @param delivery the delivery
   * @param receipt the gateway's verified receipt
   */
  public record Delivered(QueuedDelivery delivery, SubmissionReceipt receipt) {
  }

  /**
   * A delivery the gateway refused for good.
   *
   * @param delivery the delivery
   * @param problem the status, code and detail
   */
  public record Rejected(QueuedDelivery delivery, String problem) {
  }
}
