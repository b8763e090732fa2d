package org.capillary.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteRangeTest {

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {
      "bytes=0-9,        1000, bytes 0-9/1000",
      "bytes=500-,       1000, bytes 500-999/1000",
      "bytes=-5,         1000, bytes 995-999/1000",
      "bytes=-5000,      1000, bytes 0-999/1000",
      "bytes=990-5000,   1000, bytes 990-999/1000",
      "bytes=999-999,    1000, bytes 999-999/1000",
      "bytes=1000-,      1000, 416",
      "bytes=1000-2000,  1000, 416",
      "bytes=-0,         1000, 416",
      "null,             1000, whole",
      "bytes=5-1,        1000, whole",
      "bytes=0-1;2-3,    1000, whole",
      "items=0-1,        1000, whole",
      "bytes=-,          1000, whole",
      "bytes=99999999999999999999-, 1000, whole"})
  void parsesOneRangeAgainstALength(String header, long total, String expected) {
    ByteRange.Parsed parsed = ByteRange.parse(header, total);
    String actual = parsed instanceof ByteRange.Partial p ? p.range().contentRange(total)
        : parsed instanceof ByteRange.Unsatisfiable ? "416" : "whole";
    assertThat(actual).isEqualTo(expected);
  }
}
