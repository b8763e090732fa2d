package org.capillary.sdk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;
import org.capillary.sdk.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared signing vectors of spec/vectors/signing, from the signer's side (SIGNING.md §12). */
class JwsRequestSignerTest {

  private static final Set<String> DEFERRED = Set.of("iat", "jti", "htm", "htp", "cdg", "idk");

  static Stream<String> validCases() {
    return Vectors.signingCaseIds().stream().filter(id -> id.startsWith("valid-"));
  }

  private static byte[] body(JsonNode c) {
    return Base64.getDecoder().decode(c.get("request").get("bodyBase64").asText());
  }

  private static CapillaryKeyCredential key(String kid) {
    return CapillaryKeyCredential.fromJwk(Vectors.text("vectors/signing/keys/" + kid + ".private.jwk.json"));
  }

  static JWSVerifier verifier(String kid) throws Exception {
    JWK pub = JWK.parse(Vectors.text("vectors/signing/keys/" + kid + ".public.jwk.json"));
    if (pub instanceof ECKey ec) {
      return new ECDSAVerifier(ec.toECPublicKey(), DEFERRED);
    }
    if (pub instanceof RSAKey rsa) {
      return new RSASSAVerifier(rsa.toRSAPublicKey(), DEFERRED);
    }
    return new Ed25519Verifier((OctetKeyPair) pub, DEFERRED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCases")
  void recomputesSigningInputAndDigestAndVerifies(String id) throws Exception {
    JsonNode c = Vectors.signingCase(id);
    byte[] body = body(c);
    assertThat(JwsRequestSigner.contentDigest(body)).isEqualTo(c.get("contentDigest").asText());
    String h = Base64URL.encode(c.get("protectedHeaderJson").asText().getBytes(StandardCharsets.UTF_8)).toString();
    assertThat(h).isEqualTo(c.get("protectedHeaderB64").asText());
    String signingInput = h + "." + Base64URL.encode(body);
    assertThat(signingInput).isEqualTo(c.get("signingInput").asText());
    String[] parts = c.get("signature").asText().split("\\.", -1);
    assertThat(parts).hasSize(3);
    assertThat(parts[1]).isEmpty();
    JWSObject jws = JWSObject.parse(parts[0] + ".." + parts[2], new Payload(body));
    assertThat(jws.verify(verifier(c.get("key").asText()))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCases")
  void signsTheVectorRequestsVerifiably(String id) throws Exception {
    JsonNode c = Vectors.signingCase(id);
    JsonNode header = Vectors.json("vectors/signing/cases/" + id + ".json").get("protectedHeaderJson");
    JsonNode h = new com.fasterxml.jackson.databind.ObjectMapper().readTree(header.asText());
    byte[] body = body(c);
    String kid = c.get("key").asText();
    JwsRequestSigner signer = JwsRequestSigner.create(key(kid), Clock.systemUTC());
    SignedRequest signed = signer.sign(h.get("htm").asText(), h.get("htp").asText(), body,
        h.has("idk") ? h.get("idk").asText() : null, h.get("iat").asLong(), h.get("jti").asText());

    String canonical = JwsRequestSigner.protectedHeaderJson(SigningAlgorithm.fromJose(h.get("alg").asText()), kid,
        h.get("iat").asLong(), h.get("jti").asText(), h.get("htm").asText(), h.get("htp").asText(),
        h.get("cdg").asText(), h.has("idk") ? h.get("idk").asText() : null);
    assertThat(signed.protectedHeaderJson()).isEqualTo(canonical);
    if (canonical.equals(header.asText())) {
      // Same header octets as the vector: same signing input (and, for Ed25519, the same signature).
      assertThat(signed.signingInput()).isEqualTo(c.get("signingInput").asText());
      if ("EdDSA".equals(h.get("alg").asText())) {
        assertThat(signed.headerValue()).isEqualTo(c.get("signature").asText());
      }
    }
    String[] parts = signed.headerValue().split("\\.", -1);
    JWSObject jws = JWSObject.parse(parts[0] + ".." + parts[2], new Payload(body));
    assertThat(jws.verify(verifier(kid))).isTrue();
    assertThat(jws.getHeader().getCriticalParams()).containsExactlyInAnyOrderElementsOf(
        h.has("idk") ? DEFERRED : Set.of("iat", "jti", "htm", "htp", "cdg"));
  }

  @Test
  void reproducesTheWorkedExampleOctetForOctet() {
    JsonNode c = Vectors.signingCase("valid-eddsa-post-inspection");
    JwsRequestSigner signer = JwsRequestSigner.create(key("test-ed25519-1"),
        Clock.fixed(Instant.ofEpochSecond(1772415000), ZoneOffset.UTC));
    SignedRequest signed = signer.sign("POST", "/v1/projects/FT-2026-000123/inspections", body(c),
        "9b2f6c1e-4a7d-4e0b-8f3a-5d1c2b7e9a40", 1772415000, "01JNKQ8W3H5V7Z2M4X6C8B0D1E");
    assertThat(signed.protectedHeaderJson()).isEqualTo(c.get("protectedHeaderJson").asText());
    assertThat(signed.signingInput()).hasSize(1013).isEqualTo(c.get("signingInput").asText());
    assertThat(signed.contentDigest()).isEqualTo("sha-256=:VNktSIeZnUBDWaiwgyc3kD+NNl6zETb2O03LfM1l9fY=:");
    assertThat(signed.headerValue()).isEqualTo(c.get("request").get("headers").get("Capillary-Signature").asText())
        .endsWith("..KBmquDs832Wz5qDp4oEz-f5mZ__8dik-vLm12HFZOnMIbjmIAE9yPtvBijouWSTXj2xINY2_vKsLysphlT5-Dg");
  }

  @Test
  void emptyBodyReadHasNoIdkAndEndsWithTheDot() {
    JsonNode c = Vectors.signingCase("valid-es256-get-empty-body");
    JwsRequestSigner signer = JwsRequestSigner.create(key("test-es256-1"), Clock.systemUTC());
    SignedRequest signed = signer.sign("GET", "/v1/projects/FT-2026-000123/obligations?status=PENDING&limit=50",
        new byte[0], null, 1772415000, "01JNKQA2C4E6G8J0K2M4P6R8S0");
    assertThat(signed.signingInput()).isEqualTo(c.get("signingInput").asText()).endsWith(".");
    assertThat(signed.contentDigest()).isEqualTo("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:");
    assertThat(signed.protectedHeaderJson()).doesNotContain("idk");
  }

  @Test
  void everySignatureIsFresh() {
    JwsRequestSigner signer = JwsRequestSigner.create(key("test-es256-1"), Clock.systemUTC());
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    SignedRequest a = signer.sign("POST", "/v1/policies", body, "k-1");
    SignedRequest b = signer.sign("POST", "/v1/policies", body, "k-1");
    assertThat(a.jti()).isNotEqualTo(b.jti()).hasSize(36);
    assertThat(a.headerValue()).isNotEqualTo(b.headerValue());
    assertThat(a.contentDigest()).isEqualTo(b.contentDigest());
    assertThat(a.toString()).doesNotContain(a.headerValue().substring(0, 20));
  }
}
