package org.capillary.spec.format;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A GB/T 28181 device or channel id: twenty digits (DOMAIN.md §6.1, §9.6).
 *
 * <p>Digits 1–8 are the centre code (province, city, district, basic access unit), 9–10 the
 * industry code, 11–13 the type code, 14 the network flag and 15–20 a serial number. There is no
 * check digit, so validation is structural. Which type codes name which kind of device is left to
 * the caller: only 200 (SIP server) is confirmed by the sources; 132 is conventionally an IP
 * camera.
 *
 * <pre>{@code
 * Gb28181Id.isValid("34020000001320000001");  // true
 * Gb28181Id.typeCode("34020000001320000001"); // "132"
 * }</pre>
 */
public final class Gb28181Id {

  /** Length of an id. */
  public static final int LENGTH = 20;

  private static final Pattern STRUCTURE = Pattern.compile("^\\d{20}$");

  private Gb28181Id() {}

  /**
   * Tells whether {@code id} is twenty ASCII digits.
   *
   * @param id the candidate, may be {@code null}
   * @return {@code true} if it is; {@code false} otherwise, including for {@code null}
   */
  public static boolean isValid(@Nullable String id) {
    return id != null && STRUCTURE.matcher(id).matches();
  }

  /**
   * Returns the type code of an id: its digits 11 to 13.
   *
   * @param id a valid id
   * @return the three digits, e.g. {@code "132"}
   * @throws NullPointerException if {@code id} is {@code null}
   * @throws IllegalArgumentException if {@code id} is not {@linkplain #isValid(String) valid}
   */
  public static String typeCode(String id) {
    return validated(id).substring(10, 13);
  }

  /**
   * Returns the centre code of an id: its digits 1 to 8 (province, city, district and basic access
   * unit; e.g. {@code 44030400} for a device registered in Futian).
   *
   * @param id a valid id
   * @return the eight digits
   * @throws NullPointerException if {@code id} is {@code null}
   * @throws IllegalArgumentException if {@code id} is not {@linkplain #isValid(String) valid}
   */
  public static String centerCode(String id) {
    return validated(id).substring(0, 8);
  }

  private static String validated(String id) {
    Objects.requireNonNull(id, "id");
    if (!isValid(id)) {
      // The id may be personal to a site; only its length goes into the message.
      throw new IllegalArgumentException(
          "not a GB/T 28181 id: expected 20 digits, got a string of length " + id.length());
    }
    return id;
  }
}
