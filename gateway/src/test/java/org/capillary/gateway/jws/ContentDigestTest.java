package org.capillary.gateway.jws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentDigestTest {

  @Test
  void emptyBodyHasTheDigestOfZeroOctets() {
    assertThat(ContentDigest.of(new byte[0])).isEqualTo("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:");
  }

  @Test
  void digestIsStandardBase64WithPadding() {
    // RFC 9530 §B.1 example body {"hello": "world"}
    byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(ContentDigest.of(body)).isEqualTo("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
  }

  @Test
  void absentHeaderMatchesAndPresentOneMustBeExact() {
    byte[] body = "x".getBytes(StandardCharsets.UTF_8);
    String digest = ContentDigest.of(body);
    assertThat(ContentDigest.matchesOrAbsent(null, body)).isTrue();
    assertThat(ContentDigest.matchesOrAbsent(" \t" + digest + " ", body)).isTrue();
    assertThat(ContentDigest.matchesOrAbsent(digest.replace("sha-256", "SHA-256"), body)).isFalse();
    assertThat(ContentDigest.matchesOrAbsent(digest + ", sha-512=:AA==:", body)).isFalse();
    assertThat(ContentDigest.matchesOrAbsent(digest.replace('+', '-').replace('/', '_'), "?".getBytes(StandardCharsets.UTF_8))).isFalse();
  }
}
