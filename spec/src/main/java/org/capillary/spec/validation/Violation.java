package org.capillary.spec.validation;

import java.util.Objects;

/**
 * One way a request body violates its schema.
 *
 * @param pointer RFC 6901 JSON pointer to the offending value ({@code ""} for the whole body); a
 *     missing property is reported at the pointer it would have
 * @param code a violation code from {@code problem-codes.yaml}, e.g. {@code REQUIRED}
 * @param detail a human-readable explanation (not stable; do not parse)
 */
public record Violation(String pointer, String code, String detail) {

  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }
}
