package org.capillary.spec.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

  @Test
  void registersEveryContractFormat() {
    assertThat(Formats.validators())
        .containsOnlyKeys(
            "cn-uscc",
            "cn-resident-id",
            "cn-mobile",
            "gb28181-id",
            "cn-subdistrict-code",
            "sha256-hex");
  }

  @ParameterizedTest
  @CsvSource({
    "cn-uscc, 91110000600037341L, 91350100M0001TGQXM",
    "cn-resident-id, 360426199101010071, 360426199101010072",
    "cn-mobile, +8613800138000, 013800138000",
    "gb28181-id, 34020000001320000001, 3402000000132000000",
    "cn-subdistrict-code, 440304006, 440304003",
    "sha256-hex, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"
  })
  void delegatesToTheFormatClass(String format, String valid, String invalid) {
    Predicate<String> validator = Formats.validators().get(format);
    assertThat(validator).isNotNull();
    assertThat(validator.test(valid)).isTrue();
    assertThat(validator.test(invalid)).isFalse();
    assertThat(validator.test(null)).isFalse();
  }

  @Test
  void registryIsUnmodifiable() {
    assertThatThrownBy(() -> Formats.validators().remove(Formats.CN_USCC))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
