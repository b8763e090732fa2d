package org.capillary.sdk.auth;

/** The request-signing algorithms of spec/SIGNING.md §5.2 (CAP-SIG-03, CAP-SIG-14). Nothing else is allowed. */
public enum SigningAlgorithm {
  /** ECDSA P-256 with SHA-256; 64-octet R‖S signatures. */
  ES256,
  /** RSASSA-PSS with SHA-256, MGF1-SHA-256, 32-octet salt; RSA keys of at least 2048 bits. */
  PS256,
  /** Ed25519 (RFC 8037); deterministic. */
  EdDSA;

  /**
   * @param name a JOSE {@code alg} value
   * @return the algorithm
   * @throws IllegalArgumentException if {@code name} is not ES256, PS256 or EdDSA
   */
  public static SigningAlgorithm fromJose(String name) {
    for (SigningAlgorithm a : values()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("alg must be ES256, PS256 or EdDSA, not " + name);
  }
}
