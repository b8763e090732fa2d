package org.capillary.spec.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Sha256HexTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", // SHA-256("")
        "0000000000000000000000000000000000000000000000000000000000000000"
      })
  void acceptsLowerCaseHex(String value) {
    assertThat(Sha256Hex.isValid(value)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", // upper case
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85", // 63
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555", // 65
        "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=" // the same digest in base64
      })
  void rejects(String value) {
    assertThat(Sha256Hex.isValid(value)).isFalse();
  }

  @Test
  void acceptsWhatTheJdkProduces() throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest("福田".getBytes(StandardCharsets.UTF_8));
    assertThat(Sha256Hex.isValid(HexFormat.of().formatHex(digest))).isTrue();
  }
}
