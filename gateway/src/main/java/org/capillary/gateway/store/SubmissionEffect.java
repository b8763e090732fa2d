package org.capillary.gateway.store;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change made in the same transaction as a ledger append, e.g. the write-through tables the
 * authorisation filter reads ({@link CoverageEffect}, {@link DeviceEffect}). Effects run after the
 * submission and outbox rows are inserted and before the idempotency record is completed; one that
 * throws (a {@link org.capillary.gateway.error.ProblemException} for a refusal the client should
 * see) rolls the whole append back, so nothing is stored and nothing acknowledged.
 *
 * <p>On PostgreSQL a failed statement aborts the transaction, so an effect must not catch SQL
 * errors and carry on: use {@code INSERT ... ON CONFLICT DO NOTHING} and read the row instead.
 */
@FunctionalInterface
public interface SubmissionEffect {

  /**
   * @param tx a JdbcClient bound to the appending transaction
   * @param ctx the submission being appended
   * @throws org.capillary.gateway.error.ProblemException to refuse the submission
   */
  void apply(JdbcClient tx, EffectContext ctx);
}
