package org.capillary.conformance.connector.check;

import java.util.Set;

/**
 * Every request carries a well-formed detached JWS, with an allowed algorithm, a correct
 * {@code crit}, a registered key, and a signature that verifies over the bytes received
 * (spec/SIGNING.md §6.2 steps 0–5).
 */
public final class CheckEveryRequestSigned extends NoFindingCheck {

  /** Creates the check. */
  public CheckEveryRequestSigned() {
    super(Set.of("SIGNATURE_MISSING", "SIGNATURE_MALFORMED", "SIGNATURE_ALGORITHM_NOT_ALLOWED",
        "SIGNATURE_CRITICAL_HEADER", "SIGNATURE_KEY_UNKNOWN", "SIGNATURE_INVALID"));
  }

  @Override
  public String description() {
    return "Every request is signed with a registered key over the exact bytes sent (SIGNING.md §6.2 steps 0-5).";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-SIG-01", "CAP-SIG-02", "CAP-SIG-03", "CAP-SIG-04", "CAP-SIG-05", "CAP-SIG-07", "CAP-SIG-11",
        "CAP-SIG-12", "CAP-SIG-13", "CAP-SIG-14");
  }
}
