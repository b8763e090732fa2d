package org.capillary.spec.format;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A mainland China mobile number (DOMAIN.md §9.3).
 *
 * <p>Two forms, on purpose:
 *
 * <ul>
 *   <li><b>On the wire</b> ({@link #isValid(String)}, contract format {@code cn-mobile}): eleven
 *       digits {@code 1[3-9]xxxxxxxxx}, optionally prefixed {@code +86}, nothing else. A contract
 *       has one spelling per value so that signed bodies compare byte for byte.
 *   <li><b>At the edge</b> ({@link #normalize(String)}): what people type, i.e. the eleven digits
 *       with an optional {@code +86}, {@code 86} or trunk {@code 0} prefix, becomes the E.164 form
 *       {@code +86…}. A connector normalises before it sends; the platform stores the E.164 form.
 * </ul>
 *
 * <p>Spaces, hyphens and the international prefix {@code 0086} are not accepted by either: strip
 * them in the user interface that allows them.
 *
 * <pre>{@code
 * MobileNumber.isValid("+8613800138000");    // true
 * MobileNumber.isValid("013800138000");      // false: not a wire form
 * MobileNumber.normalize("013800138000");    // Optional[+8613800138000]
 * }</pre>
 */
public final class MobileNumber {

  /** The country code prefix of the E.164 form. */
  public static final String COUNTRY_PREFIX = "+86";

  private static final Pattern WIRE = Pattern.compile("^(\\+86)?1[3-9]\\d{9}$");

  private static final Pattern LENIENT = Pattern.compile("^(?:\\+86|86|0)?(1[3-9]\\d{9})$");

  private MobileNumber() {}

  /**
   * Tells whether {@code number} is a mobile number in the contract's wire form: {@code
   * ^(\+86)?1[3-9]\d{9}$}.
   *
   * @param number the candidate, may be {@code null}
   * @return {@code true} if it matches exactly; {@code false} otherwise, including for {@code null}
   */
  public static boolean isValid(@Nullable String number) {
    return number != null && WIRE.matcher(number).matches();
  }

  /**
   * Converts a mobile number as typed into its E.164 form.
   *
   * @param number eleven digits {@code 1[3-9]…}, optionally prefixed {@code +86}, {@code 86} or
   *     {@code 0}; may be {@code null}
   * @return {@code +86} followed by the eleven digits, or empty if {@code number} is {@code null} or
   *     not of that shape
   */
  public static Optional<String> normalize(@Nullable String number) {
    if (number == null) {
      return Optional.empty();
    }
    var matcher = LENIENT.matcher(number);
    return matcher.matches() ? Optional.of(COUNTRY_PREFIX + matcher.group(1)) : Optional.empty();
  }
}
