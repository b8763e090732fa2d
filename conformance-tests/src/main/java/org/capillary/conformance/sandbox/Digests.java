package org.capillary.conformance.sandbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the only digest of the contract. */
final class Digests {

  private Digests() {}

  static byte[] sha256(byte[] octets) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(octets);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256Hex(byte[] octets) {
    return HexFormat.of().formatHex(sha256(octets));
  }
}
