package org.capillary.conformance.connector.check;

import java.util.Set;

/** Every signature's {@code iat} is within the window of the sandbox clock (spec/SIGNING.md §6.2 step 7). */
public final class EnsureSignatureIssuedNow extends NoFindingCheck {

  /** Creates the check. */
  public EnsureSignatureIssuedNow() {
    super(Set.of("SIGNATURE_EXPIRED"));
  }

  @Override
  public String description() {
    return "Each signature is made when its attempt is sent: iat within ±300 s of the platform clock.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-SIG-08");
  }
}
