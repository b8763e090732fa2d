package org.capillary.gateway.store;

/**
 * Told after a submission was appended to the ledger and its transaction committed, before the
 * answer is sent, on the store scheduler: it must not block (e.g. it wakes the projection worker of
 * this replica, so the submission is projected at once rather than at the next poll).
 */
@FunctionalInterface
public interface LedgerAppendListener {

  /**
   * @param stored the submission just appended (never a replayed one)
   */
  void appended(StoredSubmission stored);
}
