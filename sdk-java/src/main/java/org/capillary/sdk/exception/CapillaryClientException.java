package org.capillary.sdk.exception;

import org.jspecify.annotations.Nullable;

/**
 * No usable response: the request could not be signed or serialised, the connection failed or
 * timed out (after the configured retries), or the response could not be read. The outcome of a
 * write is then unknown: repeat the call, with the same {@code Idempotency-Key}, or ask
 * {@code getSubmission}.
 */
public class CapillaryClientException extends CapillaryException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong
   * @param cause the underlying cause, or {@code null}
   */
  public CapillaryClientException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
