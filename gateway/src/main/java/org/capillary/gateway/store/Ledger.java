package org.capillary.gateway.store;

import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The district ledger: every accepted write, stored verbatim with its signature, in one
 * transaction with its outbox row, its effects and the completion of its idempotency record.
 * Nothing is acknowledged before that transaction commits. Shared by all gateway replicas.
 *
 * <p>All methods run on the store scheduler, never on the event loop; when the database cannot
 * answer they fail with SERVICE_UNAVAILABLE (nothing stored).
 */
public interface Ledger {

  /**
   * Appends a submission. In one transaction: allocates the sequence number and submission id,
   * has the receipt issued, inserts the submission and an outbox row, runs the effects and marks
   * the idempotency record COMPLETED with status 201 and the response body.
   *
   * <p>If the ledger already holds a submission for the same connector and Idempotency-Key (a
   * request that outlived its idempotency lease, or a key reused after its record was purged),
   * nothing is stored: with the same operation and body digest, the stored submission is returned
   * with {@link StoredSubmission#replayed()} set; otherwise the Mono fails with
   * IDEMPOTENCY_KEY_REUSED.
   *
   * @param submission the request
   * @param issuer signs the receipt inside the transaction; its failure rolls everything back
   * @return the stored submission, once committed
   */
  Mono<StoredSubmission> append(NewSubmission submission, ReceiptIssuer issuer);

  /**
   * @param submissionId a submission id
   * @return the submission, or empty
   */
  Mono<Optional<StoredSubmission>> find(String submissionId);

  /**
   * @param connectorId a connector
   * @param idempotencyKey one of its Idempotency-Keys
   * @return the submission stored under that key, or empty
   */
  Mono<Optional<StoredSubmission>> findByIdempotencyKey(String connectorId, String idempotencyKey);
}
