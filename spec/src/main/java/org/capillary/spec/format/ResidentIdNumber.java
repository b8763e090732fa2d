package org.capillary.spec.format;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The citizen identity number (公民身份号码), GB 11643-1999; also the number on Hong Kong, Macao
 * and Taiwan residence permits (address codes 810000, 820000, 830000).
 *
 * <p>Eighteen characters: a 6-digit address code, the birth date {@code YYYYMMDD}, a 3-digit
 * sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character, {@code 0}–{@code
 * 9} or an upper-case {@code X}. A number is valid when it has that structure, its check character
 * is right, and its birth date is a real calendar date no later than today. Whether the address
 * code exists is not checked: historic codes stay valid on old cards.
 *
 * <p>A lower-case {@code x} is rejected, as the contract's pattern is (DOMAIN.md §9.2): the
 * standard prints an upper-case X, and a connector that lower-cases it has changed the value it
 * signs.
 *
 * <p>"Today" is a parameter, so a validation is reproducible: pass the date of the clock the caller
 * already uses. {@link #isValid(String)} takes today's date in {@value #ZONE_ID}.
 *
 * <p>The number is personal data. Show it with {@link #mask(String)}.
 */
public final class ResidentIdNumber {

  /** Length of a number, check character included. */
  public static final int LENGTH = 18;

  /** The time zone in which {@link #isValid(String)} takes "today". */
  public static final String ZONE_ID = "Asia/Shanghai";

  private static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private static final Pattern STRUCTURE =
      Pattern.compile(
          "^[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[\\dX]$");

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  private static final String CHECK_CHARACTERS = "10X98765432";

  private static final DateTimeFormatter BIRTH_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private static final int KEPT_AT_EACH_END = 4;

  private ResidentIdNumber() {}

  /**
   * Tells whether {@code number} is valid today in {@value #ZONE_ID}, by the system clock.
   *
   * @param number the candidate, may be {@code null}
   * @return as {@link #isValid(String, LocalDate)} with today's date in {@value #ZONE_ID}
   */
  public static boolean isValid(@Nullable String number) {
    return isValid(number, LocalDate.now(ZONE));
  }

  /**
   * Tells whether {@code number} is a valid identity number on the given day.
   *
   * @param number the candidate, may be {@code null}
   * @param today the date against which a birth date in the future is rejected
   * @return {@code true} if the structure, the MOD 11-2 check character and the birth date (a real
   *     date, not after {@code today}) are all right; {@code false} otherwise, including for {@code
   *     null}
   * @throws NullPointerException if {@code today} is {@code null}
   */
  public static boolean isValid(@Nullable String number, LocalDate today) {
    Objects.requireNonNull(today, "today");
    if (number == null || !STRUCTURE.matcher(number).matches()) {
      return false;
    }
    if (number.charAt(LENGTH - 1) != checkCharacter(number.substring(0, LENGTH - 1))) {
      return false;
    }
    LocalDate birthDate;
    try {
      birthDate = LocalDate.parse(number.substring(6, 14), BIRTH_DATE);
    } catch (DateTimeException e) {
      return false;
    }
    return !birthDate.isAfter(today);
  }

  /**
   * Computes the MOD 11-2 check character for the first 17 digits of a number.
   *
   * @param first17 the first 17 characters, all ASCII digits
   * @return the 18th character, {@code 0}–{@code 9} or {@code X}
   * @throws NullPointerException if {@code first17} is {@code null}
   * @throws IllegalArgumentException if {@code first17} is not 17 ASCII digits
   */
  public static char checkCharacter(String first17) {
    if (first17.length() != LENGTH - 1) {
      throw new IllegalArgumentException(
          "expected " + (LENGTH - 1) + " digits, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("character " + (i + 1) + " is not a digit: " + c);
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  /**
   * Masks a number for display: the first four and the last four characters are kept and every
   * character between them becomes {@code *}, e.g. {@code 4403**********1512}. The input is not
   * validated, so a malformed number is masked too; one of eight characters or fewer is masked
   * entirely, so that no more than half of it is ever shown.
   *
   * @param number the number to mask
   * @return a string of the same length with the middle replaced by {@code *}
   * @throws NullPointerException if {@code number} is {@code null}
   */
  public static String mask(String number) {
    int length = number.length();
    if (length <= 2 * KEPT_AT_EACH_END) {
      return "*".repeat(length);
    }
    return number.substring(0, KEPT_AT_EACH_END)
        + "*".repeat(length - 2 * KEPT_AT_EACH_END)
        + number.substring(length - KEPT_AT_EACH_END);
  }
}
