package org.capillary.spec.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** DOMAIN.md §9.3: wire form {@code ^(\+86)?1[3-9]\d{9}$}; lenient input normalised to E.164. */
class MobileNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"13800138000", "+8613800138000", "19912345678", "+8615012345678"})
  void acceptsWireForm(String number) {
    assertThat(MobileNumber.isValid(number)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "8613800138000", // 86 without + is input, not wire form
        "013800138000", // trunk prefix is input, not wire form
        "008613800138000",
        "12800138000", // second digit must be 3–9
        "1380013800", // 10 digits
        "138001380000", // 12 digits
        "+86 13800138000",
        "138-0013-8000",
        "+85213800138000", // another country code
        "+86１3800138000" // full-width digit
      })
  void rejectsAnythingElseOnTheWire(String number) {
    assertThat(MobileNumber.isValid(number)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "13800138000, +8613800138000",
    "+8613800138000, +8613800138000",
    "8613800138000, +8613800138000",
    "013800138000, +8613800138000"
  })
  void normalizesToE164(String input, String e164) {
    assertThat(MobileNumber.normalize(input)).hasValue(e164);
    assertThat(MobileNumber.isValid(e164)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "008613800138000",
        "+86013800138000",
        "12800138000",
        "1380013800",
        " 13800138000",
        "138 0013 8000",
        "+8512800138000"
      })
  void normalizeRejectsWhatItCannotReadUnambiguously(String input) {
    assertThat(MobileNumber.normalize(input)).isEmpty();
  }
}
