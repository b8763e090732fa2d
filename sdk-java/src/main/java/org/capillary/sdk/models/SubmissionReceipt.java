package org.capillary.sdk.models;

import java.util.Objects;

/**
 * The answer to an accepted write, with its receipt already verified: the signature checked
 * against the gateway's JWK Set and the claims matched with the request that was sent (connector,
 * operation, body digest, idempotency key, signature id). Keep {@link #receipt()} with your record
 * of the request: it is the platform's signed proof of what was filed and when.
 *
 * @param document the response body as the gateway sent it
 * @param claims the verified claims of {@link #receipt()}
 * @param idempotencyKey the {@code Idempotency-Key} the call used (the same on every attempt)
 * @param replayed whether the gateway answered with the stored response of an earlier attempt
 *     ({@code Idempotent-Replayed: true})
 */
public record SubmissionReceipt(SubmissionReceiptDocument document, ReceiptClaims claims, String idempotencyKey,
    boolean replayed) {

  /** Checks the components. */
  public SubmissionReceipt {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(claims, "claims");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }

  /** @return the submission id, e.g. {@code sub_01JNKQ9A7M3T5X8Y2B4D6F8H0J} */
  public String submissionId() {
    return claims.submissionId();
  }

  /** @return the ledger position */
  public long sequence() {
    return claims.sequence();
  }

  /** @return the receipt, a compact JWS signed by the gateway */
  public String receipt() {
    return document.getReceipt();
  }
}
