package org.capillary.gateway.store;

/**
 * Signs the receipt of a submission with the gateway's key. Called by {@link Ledger#append}
 * inside the appending transaction, on a store thread (so it may block briefly, e.g. to sign);
 * if it throws, the append is rolled back and nothing is stored.
 */
@FunctionalInterface
public interface ReceiptIssuer {

  /**
   * @param request what the receipt names
   * @return the receipt as a compact JWS (three base64url parts)
   * @throws RuntimeException any failure, which aborts the append
   */
  String issue(ReceiptRequest request);
}
