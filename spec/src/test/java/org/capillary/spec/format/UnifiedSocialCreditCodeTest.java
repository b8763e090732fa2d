package org.capillary.spec.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 vectors from DOMAIN.md §9.1. */
class UnifiedSocialCreditCodeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "91110000600037341L", // DOMAIN §9.1 [S52]
        "914403001922038216", // check '6'
        "92440304MA5F00000X", // 个体工商户, check 'X'
        "12100000400000624D" // 机构编制, check 'D'
      })
  void acceptsCodesWithCorrectCheckCharacter(String code) {
    assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "91350100M0001TGQXM", // pilot code: check computes '1', not 'M' → rejected by default
        "91110000600037341K", // wrong check character
        "91110000600037341l", // lower case
        "91110000600037341", // 17 characters
        "91110000600037341L0", // 19 characters
        " 91110000600037341L", // not trimmed
        "9111000060003734IL", // I is not in the alphabet
        "9111000060003734OL", // O is not in the alphabet
        "91A10000600037341L", // positions 3–8 must be digits
        "Z1110000600037341L" // Z is not in the alphabet
      })
  void rejects(String code) {
    assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "91110000600037341, L",
    "91350100M0001TGQX, 1",
    "92440304MA5F00000, X",
    "12100000400000624, D"
  })
  void computesCheckCharacter(String first17, char expected) {
    assertThat(UnifiedSocialCreditCode.checkCharacter(first17)).isEqualTo(expected);
  }

  @Test
  void weightsArePowersOfThreeModulo31() {
    // Every single-symbol change must move the check character: with weights 3^(i−1) mod 31
    // (all non-zero mod the prime 31) a substitution always changes the sum mod 31.
    String base = "91110000600037341";
    char check = UnifiedSocialCreditCode.checkCharacter(base);
    for (int i = 0; i < base.length(); i++) {
      for (char c : UnifiedSocialCreditCode.ALPHABET.toCharArray()) {
        if (c == base.charAt(i)) {
          continue;
        }
        String changed = base.substring(0, i) + c + base.substring(i + 1);
        assertThat(UnifiedSocialCreditCode.checkCharacter(changed))
            .as("substitution at %d with %c", i + 1, c)
            .isNotEqualTo(check);
      }
    }
  }

  @Test
  void checkCharacterRejectsWrongLength() {
    assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("9111000060003734"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checkCharacterRejectsSymbolOutsideAlphabet() {
    assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("9111000060003734I"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alphabet");
  }

  @Test
  void checkCharacterRejectsNull() {
    assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacter(null))
        .isInstanceOf(NullPointerException.class);
  }
}
