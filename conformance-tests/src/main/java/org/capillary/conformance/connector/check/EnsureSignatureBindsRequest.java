package org.capillary.conformance.connector.check;

import java.util.Set;

/** The signed {@code htm}, {@code htp}, {@code cdg} and {@code idk} equal the request's (spec/SIGNING.md §6.2 step 6). */
public final class EnsureSignatureBindsRequest extends NoFindingCheck {

  /** Creates the check. */
  public EnsureSignatureBindsRequest() {
    super(Set.of("SIGNATURE_BINDING_MISMATCH"));
  }

  @Override
  public String description() {
    return "Each signature binds the method, request target, body digest and Idempotency-Key actually sent.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-SIG-06");
  }
}
