package org.capillary.spec.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 11643-1999 vectors from DOMAIN.md §9.2; "today" is fixed at 2026-01-01. */
class ResidentIdNumberTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "360426199101010071", // DOMAIN §9.2 [S52]
        "810000199408230021", // Hong Kong residence permit, DOMAIN §9.2
        "11010519491231002X", // check character X
        "440304200002291236", // 29 February of a leap year
        "44030420260101001X", // born today
        "440304189912310008" // born in the 19th century
      })
  void acceptsValidNumbers(String number) {
    assertThat(ResidentIdNumber.isValid(number, TODAY)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "360426199101010072", // wrong check character
        "11010519491231002x", // lower-case x: rejected, as the contract's pattern does
        "440304199902301238", // right check character, but 30 February does not exist
        "440304190002290018", // 1900 was not a leap year
        "440304190013010018", // month 13
        "440304190001320019", // day 32
        "440304202601020015", // born tomorrow
        "440304179912310017", // century outside 18–20
        "040304199001010017", // address code starts with 0
        "36042619910101007", // 17 characters
        "3604261991010100711", // 19 characters
        "36042619910101007１", // full-width digit
        " 360426199101010071" // not trimmed
      })
  void rejects(String number) {
    assertThat(ResidentIdNumber.isValid(number, TODAY)).isFalse();
  }

  @Test
  void defaultTodayIsShanghaiDate() {
    assertThat(ResidentIdNumber.isValid("360426199101010071")).isTrue();
    LocalDate tomorrow = LocalDate.now(ZoneId.of(ResidentIdNumber.ZONE_ID)).plusDays(1);
    String first17 = "440304" + tomorrow.toString().replace("-", "") + "001";
    String bornTomorrow = first17 + ResidentIdNumber.checkCharacter(first17);
    assertThat(ResidentIdNumber.isValid(bornTomorrow, tomorrow)).isTrue();
    assertThat(ResidentIdNumber.isValid(bornTomorrow)).isFalse();
  }

  @Test
  void isValidRequiresToday() {
    assertThatThrownBy(() -> ResidentIdNumber.isValid("360426199101010071", null))
        .isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "36042619910101007, 1",
    "81000019940823002, 1",
    "11010519491231002, X",
    "44030419990230123, 8"
  })
  void computesCheckCharacter(String first17, char expected) {
    assertThat(ResidentIdNumber.checkCharacter(first17)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"3604261991010100", "36042619910101007X", "3604261991010100A"})
  void checkCharacterRejectsNonDigitsAndWrongLength(String first17) {
    assertThatThrownBy(() -> ResidentIdNumber.checkCharacter(first17))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "440304199003071512, 4403**********1512",
    "11010519491231002X, 1101**********002X",
    "123456789, 1234*6789",
    "12345678, ********",
    "'', ''"
  })
  void masksAllButFirstAndLastFour(String number, String masked) {
    assertThat(ResidentIdNumber.mask(number)).isEqualTo(masked);
  }
}
