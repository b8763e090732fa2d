package org.capillary.gateway.store;

import reactor.core.publisher.Mono;

/**
 * Idempotency-Key records (IETF draft "The Idempotency-Key HTTP Header Field"), shared by every
 * gateway replica through the database. A write request calls {@link #begin} before it is
 * validated; then it either reaches the {@link Ledger}, whose append marks the record COMPLETED
 * with the response in the same transaction, or fails, and {@link #release} frees the key so the
 * client can retry with a corrected body.
 *
 * <p>Records are kept for {@link StoreProperties#idempotencyRetention()} (at least 24 h) and then
 * purged by {@link IdempotencyJanitor}. All methods run on the store scheduler, never on the
 * event loop; when the database cannot answer they fail with SERVICE_UNAVAILABLE.
 */
public interface IdempotencyStore {

  /**
   * Claims a key for a request, atomically across replicas.
   *
   * @param connectorId the authenticated connector (keys are scoped per connector)
   * @param key the Idempotency-Key header value
   * @param bodyDigest the request body's Content-Digest value
   * @param operationId the operation; the same key for another operation counts as another body
   * @return {@link IdempotencyDecision.Proceed} when the key is new (or an expired lease was taken
   *     over), {@link IdempotencyDecision.Replay} when the key completed with the same digest;
   *     fails with ProblemException IDEMPOTENCY_KEY_REUSED when the digest or operation differs
   *     (in any state), IDEMPOTENCY_IN_FLIGHT (with Retry-After) while another request holds the
   *     lease
   */
  Mono<IdempotencyDecision> begin(
      String connectorId, String key, String bodyDigest, String operationId);

  /**
   * Frees a key whose request failed before it was stored: deletes the record if it is still
   * IN_FLIGHT (a COMPLETED one is never deleted). Safe to call more than once.
   *
   * @param connectorId the connector
   * @param key the Idempotency-Key
   * @return completes when done
   */
  Mono<Void> release(String connectorId, String key);

  /**
   * Deletes every record whose retention has ended. Safe to run from several replicas at once.
   *
   * @return how many records this call deleted
   */
  Mono<Integer> purgeExpired();
}
