package org.capillary.sdk.exception;

import org.jspecify.annotations.Nullable;

/** Root of every exception the SDK throws. Never thrown itself: catch a subclass, or this to catch all. */
public abstract class CapillaryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong (never secret material)
   * @param cause the underlying cause, or {@code null}
   */
  protected CapillaryException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
