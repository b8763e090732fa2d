package org.capillary.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CanonicalJsonTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void sortsMembersAndDropsWhitespace() {
    assertThat(CanonicalJson.write(json.readTree("{ \"b\" : [1, {\"z\":true, \"a\":null}], \"a\" : \"x\" }")))
        .isEqualTo("{\"a\":\"x\",\"b\":[1,{\"a\":null,\"z\":true}]}");
  }

  @Test
  void escapesOnlyWhatJsonRequires() {
    assertThat(CanonicalJson.write(json.readTree("\"é \\\"q\\\" \\\\ \\n \\u0001 /\"")))
        .isEqualTo("\"é \\\"q\\\" \\\\ \\n \\u0001 /\"");
  }

  @Test
  void ordersNamesByUtf16CodeUnits() {
    // RFC 8785 §3.2.3: "\u20ac" (U+20AC) sorts before "\ud83d\ude00" (a surrogate pair, 0xD83D)
    assertThat(CanonicalJson.write(json.readTree("{\"\\ud83d\\ude00\":1,\"\\u20ac\":2,\"a\":3}")))
        .isEqualTo("{\"a\":3,\"€\":2,\"😀\":1}");
  }

  @Test
  void sameValueSameTextWhateverTheInputLayout() {
    assertThat(CanonicalJson.write(json.readTree("{\"n\":12345678901234567890,\"m\":-1}")))
        .isEqualTo(CanonicalJson.write(json.readTree("{ \"m\": -1,\n \"n\": 12345678901234567890 }")))
        .isEqualTo("{\"m\":-1,\"n\":12345678901234567890}");
  }
}
