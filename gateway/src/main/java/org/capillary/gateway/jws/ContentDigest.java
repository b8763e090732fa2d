package org.capillary.gateway.jws;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The RFC 9530 {@code Content-Digest} field value of a body as this profile uses it (spec/SIGNING.md,
 * the signed {@code cdg} member): {@code sha-256=:<standard base64 of SHA-256(body)>:}, one
 * dictionary member, standard base64 with padding (not base64url).
 */
public final class ContentDigest {

  private static final String PREFIX = "sha-256=:";

  private ContentDigest() {}

  /**
   * The field value of a body.
   *
   * @param body the exact body bytes (empty for no body)
   * @return e.g. {@code sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:} for zero bytes
   */
  public static String of(byte[] body) {
    return PREFIX + Base64.getEncoder().encodeToString(sha256(body)) + ":";
  }

  /**
   * Whether a received Content-Digest header field equals the body's digest. Leading and trailing
   * optional whitespace (RFC 9110 §5.5) is ignored; anything else must match exactly, so another
   * algorithm, a second member or base64url fails (CAP-SIG-10).
   *
   * @param headerValue the header field value, or null when absent
   * @param body the body
   * @return true if absent or equal
   */
  public static boolean matchesOrAbsent(@Nullable String headerValue, byte[] body) {
    return headerValue == null || trimOws(headerValue).equals(of(body));
  }

  /** SHA-256 of the bytes. */
  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a mandatory JCA algorithm", e);
    }
  }

  /** Removes leading and trailing SP and HTAB. */
  static String trimOws(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
      b++;
    }
    while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
      e--;
    }
    return s.substring(b, e);
  }
}
