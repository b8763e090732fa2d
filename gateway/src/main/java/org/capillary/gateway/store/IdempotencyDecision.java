package org.capillary.gateway.store;

/**
 * What {@link IdempotencyStore#begin} decided for a request. The two refusals (same key with another
 * body, same key still in flight) are not decisions but errors: the Mono fails with a {@link
 * org.capillary.gateway.error.ProblemException} IDEMPOTENCY_KEY_REUSED (422) or
 * IDEMPOTENCY_IN_FLIGHT (409).
 */
public sealed interface IdempotencyDecision {

  /**
   * The key is now this request's (IN_FLIGHT, under a lease): go on, then either append to the
   * ledger (which completes the record) or {@link IdempotencyStore#release} it.
   *
   * @param takenOver true when an earlier holder's lease had expired and this request took the
   *     record over (the earlier one may still finish; the ledger lets only one append through)
   */
  record Proceed(boolean takenOver) implements IdempotencyDecision {}

  /**
   * The key was completed with the same body: answer the stored response again, marked replayed.
   *
   * @param status the stored HTTP status (201)
   * @param body the stored response body (the SubmissionReceipt JSON), byte for byte
   */
  record Replay(int status, byte[] body) implements IdempotencyDecision {
    /** @throws IllegalArgumentException if status is not an HTTP status */
    public Replay {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("not an HTTP status: " + status);
      }
    }
  }
}
