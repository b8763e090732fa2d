package org.capillary.sdk.exception;

import org.jspecify.annotations.Nullable;

/**
 * The gateway answered 201 but its receipt does not verify against the gateway's JWK Set, or its
 * claims do not match the request that was sent (spec/SIGNING.md §11, CAP-SIG-20). The receipt is
 * not proof of filing: treat the outcome as unknown and read the submission back.
 */
public class ReceiptVerificationException extends CapillaryClientException {

  private static final long serialVersionUID = 1L;

  private final transient @Nullable String submissionId;

  /**
   * @param message which check failed
   * @param submissionId the submission the gateway named, if it could be read
   * @param cause the underlying cause, or {@code null}
   */
  public ReceiptVerificationException(String message, @Nullable String submissionId, @Nullable Throwable cause) {
    super(message, cause);
    this.submissionId = submissionId;
  }

  /** @return the submission id the gateway's answer named, or {@code null} if it could not be read */
  public @Nullable String submissionId() {
    return submissionId;
  }
}
