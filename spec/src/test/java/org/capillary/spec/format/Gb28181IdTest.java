package org.capillary.spec.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** DOMAIN.md §6.1 and §9.6. */
class Gb28181IdTest {

  @ParameterizedTest
  @ValueSource(strings = {"34020000002000000001", "44030400001320000001", "00000000000000000000"})
  void acceptsTwentyDigits(String id) {
    assertThat(Gb28181Id.isValid(id)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "3402000000200000000", // 19 digits
        "340200000020000000011", // 21 digits
        "3402000000200000000A",
        " 34020000002000000001",
        "3402000000200000000１" // full-width digit
      })
  void rejects(String id) {
    assertThat(Gb28181Id.isValid(id)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "34020000002000000001, 200, 34020000", // default SIP server id [S62]
    "44030400001320000001, 132, 44030400" // an IP camera registered in Futian
  })
  void splitsTypeAndCentreCodes(String id, String typeCode, String centerCode) {
    assertThat(Gb28181Id.typeCode(id)).isEqualTo(typeCode);
    assertThat(Gb28181Id.centerCode(id)).isEqualTo(centerCode);
  }

  @Test
  void accessorsRejectInvalidIds() {
    assertThatThrownBy(() -> Gb28181Id.typeCode("3402000000200000000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length 19");
    assertThatThrownBy(() -> Gb28181Id.centerCode(null)).isInstanceOf(NullPointerException.class);
  }
}
