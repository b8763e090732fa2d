package org.capillary.conformance.sandbox;

import java.util.Objects;

/**
 * Something wrong with a received request, as the gateway would report it.
 *
 * @param code the stable problem code of spec/problem-codes.yaml, e.g. {@code SIGNATURE_INVALID}
 * @param status the HTTP status the gateway answers it with
 * @param requirement the requirement id the code belongs to, e.g. {@code CAP-SIG-07}
 * @param detail what exactly was found (not stable; for people)
 */
public record Finding(String code, int status, String requirement, String detail) {

  /** Validates. */
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return code + " (" + requirement + "): " + detail;
  }
}
