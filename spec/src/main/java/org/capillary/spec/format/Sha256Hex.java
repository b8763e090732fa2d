package org.capillary.spec.format;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A SHA-256 digest written as 64 lower-case hexadecimal digits, the form in which a record cites
 * the bytes of a media item ({@code common.json#/$defs/Sha256}).
 *
 * <p>Upper-case digits are rejected: one value has one spelling, so that signed bodies and stored
 * digests compare as strings.
 */
public final class Sha256Hex {

  /** Length of the hexadecimal form. */
  public static final int LENGTH = 64;

  private static final Pattern STRUCTURE = Pattern.compile("^[0-9a-f]{64}$");

  private Sha256Hex() {}

  /**
   * Tells whether {@code value} is 64 lower-case hexadecimal digits.
   *
   * @param value the candidate, may be {@code null}
   * @return {@code true} if it is; {@code false} otherwise, including for {@code null}
   */
  public static boolean isValid(@Nullable String value) {
    return value != null && STRUCTURE.matcher(value).matches();
  }
}
