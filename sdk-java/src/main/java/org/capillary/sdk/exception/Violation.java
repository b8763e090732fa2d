package org.capillary.sdk.exception;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a problem's {@code errors[]}.
 *
 * @param pointer RFC 6901 pointer into the body ({@code ""} is the whole body), or
 *     {@code /header/<name>}, {@code /query/<name>}, {@code /path/<name>}
 * @param code the stable violation code (spec/problem-codes.yaml), e.g. {@code REQUIRED}
 * @param detail a human-readable explanation, or {@code null}
 */
public record Violation(String pointer, String code, @Nullable String detail) {

  /** Checks the required components. */
  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(code, "code");
  }
}
