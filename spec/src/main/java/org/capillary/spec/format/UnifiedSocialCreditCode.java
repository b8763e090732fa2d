package org.capillary.spec.format;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The unified social credit code (统一社会信用代码) of an organisation, GB 32100-2015.
 *
 * <p>Eighteen characters: registration authority (1), organisation category (2), the registration
 * authority's administrative division (3–8, digits), the subject identifier (9–17) and a check
 * character (18). Characters come from the 31-symbol alphabet {@value #ALPHABET} (no I, O, S, V,
 * Z); a symbol's value is its index in the alphabet. The check character is
 * {@code (31 − Σ value(cᵢ)·wᵢ mod 31) mod 31} over the first 17 characters with weights
 * {@code wᵢ = 3^(i−1) mod 31}.
 *
 * <pre>{@code
 * UnifiedSocialCreditCode.isValid("91110000600037341L");   // true
 * UnifiedSocialCreditCode.checkCharacter("91110000600037341"); // 'L'
 * }</pre>
 *
 * <p>Some codes issued during the 2015 pilot fail the check (e.g. {@code 91350100M0001TGQXM}).
 * They are rejected: the contract rejects by default, and an operator who must accept one does so
 * by an audited manual override outside the contract (DOMAIN.md §9.1). The inner GB 11714
 * organisation-code check on positions 9–17 is not applied, because not every issuing authority
 * derives those positions from an organisation code.
 */
public final class UnifiedSocialCreditCode {

  /** The 31 symbols of the code, in order of their value. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** Length of a code, check character included. */
  public static final int LENGTH = 18;

  private static final Pattern STRUCTURE =
      Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");

  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private UnifiedSocialCreditCode() {}

  /**
   * Tells whether {@code code} is a well-formed code with a correct check character. Upper case
   * only; nothing is trimmed.
   *
   * @param code the candidate, may be {@code null}
   * @return {@code true} if it has the GB 32100 structure and its 18th character is the check
   *     character of the first 17; {@code false} otherwise, including for {@code null}
   */
  public static boolean isValid(@Nullable String code) {
    if (code == null || !STRUCTURE.matcher(code).matches()) {
      return false;
    }
    return code.charAt(LENGTH - 1) == checkCharacter(code.substring(0, LENGTH - 1));
  }

  /**
   * Computes the check character for the first 17 characters of a code.
   *
   * @param first17 the first 17 characters, each from {@link #ALPHABET}
   * @return the 18th character that makes the code valid
   * @throws NullPointerException if {@code first17} is {@code null}
   * @throws IllegalArgumentException if {@code first17} is not 17 characters long or has a
   *     character outside {@link #ALPHABET}
   */
  public static char checkCharacter(String first17) {
    if (first17.length() != LENGTH - 1) {
      throw new IllegalArgumentException(
          "expected " + (LENGTH - 1) + " characters, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException(
            "character " + (i + 1) + " is not in the GB 32100 alphabet: " + first17.charAt(i));
      }
      sum += value * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }
}
