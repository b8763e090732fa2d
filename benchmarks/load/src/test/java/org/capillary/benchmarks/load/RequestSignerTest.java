package org.capillary.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.capillary.sdk.auth.JwsRequestSigner;
import org.junit.jupiter.api.Test;

/** The Conscrypt pre-signer produces what SIGNING.md asks: a detached ES256 JWS over the body. */
class RequestSignerTest {

  @Test
  void signaturesVerifyAndBindTheRequest() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k-1").generate();
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    RequestSigner signer = new RequestSigner(key, clock);
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    String value = signer.sign("POST", "/v1/policies", body, "idk-1");
    String[] parts = value.split("\\.", -1);
    assertThat(parts).hasSize(3);
    assertThat(parts[1]).isEmpty();
    JWSObject jws = new JWSObject(new Base64URL(parts[0]), new Payload(body), new Base64URL(parts[2]));
    // the extension members are critical: a verifier must be told it understands them
    assertThat(jws.verify(new ECDSAVerifier(key.toECPublicKey(), java.util.Set.of("iat", "jti", "htm", "htp", "cdg", "idk")))).isTrue();
    assertThat(jws.getHeader().getCustomParam("htp")).isEqualTo("/v1/policies");
    assertThat(jws.getHeader().getCustomParam("idk")).isEqualTo("idk-1");
    assertThat(jws.getHeader().getCustomParam("cdg")).isEqualTo(JwsRequestSigner.contentDigest(body));
    assertThat(((Number) jws.getHeader().getCustomParam("iat")).longValue()).isEqualTo(clock.instant().getEpochSecond());
    assertThat(signer.sign("POST", "/v1/policies", body, "idk-1")).isNotEqualTo(value); // fresh jti each time
  }
}
