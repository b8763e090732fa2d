package org.capillary.spec.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DOMAIN.md §9.5. The equality of the compiled-in list with {@code rules/futian-2025.yaml} is
 * checked by {@code org.capillary.spec.rules.RuleProfileTest}.
 */
class SubdistrictCodeTest {

  @ParameterizedTest
  @CsvSource({
    "440304001, 南园街道",
    "440304002, 园岭街道",
    "440304004, 福田街道",
    "440304005, 沙头街道",
    "440304006, 香蜜湖街道",
    "440304007, 梅林街道",
    "440304008, 莲花街道",
    "440304009, 华富街道",
    "440304010, 福保街道",
    "440304011, 华强北街道",
    "440304400, 福田保税区"
  })
  void knowsEveryFutianCode(String code, String name) {
    assertThat(SubdistrictCode.futian().isValid(code)).isTrue();
    assertThat(SubdistrictCode.futian().name(code)).hasValue(name);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "440304003", // unused
        "440304000",
        "440304012",
        "440304", // the district itself
        "440303001", // 罗湖区
        "440304001000" // 12-digit community code
      })
  void rejectsOtherCodes(String code) {
    assertThat(SubdistrictCode.futian().isValid(code)).isFalse();
    assertThat(SubdistrictCode.futian().name(code)).isEmpty();
  }

  @Test
  void futianListHasElevenEntriesInCodeOrder() {
    assertThat(SubdistrictCode.futian().namesByCode())
        .hasSize(11)
        .containsKeys("440304001", "440304400");
    assertThat(java.util.List.copyOf(SubdistrictCode.futian().namesByCode().keySet())).isSorted();
  }

  @Test
  void futianListIsUnmodifiable() {
    assertThatThrownBy(() -> SubdistrictCode.futian().namesByCode().put("440304003", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void ofCopiesItsInput() {
    var input = new LinkedHashMap<String, String>();
    input.put("440303001", "桂园街道");
    SubdistrictCode list = SubdistrictCode.of(input);
    input.put("440303002", "黄贝街道");
    assertThat(list.namesByCode()).containsExactly(Map.entry("440303001", "桂园街道"));
    assertThat(list.isValid("440303002")).isFalse();
  }

  @Test
  void ofRejectsMalformedLists() {
    assertThatThrownBy(() -> SubdistrictCode.of(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubdistrictCode.of(Map.of("44030400", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubdistrictCode.of(Map.of("440304001", " ")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
