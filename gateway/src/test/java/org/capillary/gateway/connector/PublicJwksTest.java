package org.capillary.gateway.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

class PublicJwksTest {

  @Test
  void acceptsTheThreeProfileKeyTypes() throws Exception {
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("e").algorithm(JWSAlgorithm.ES256).keyUse(KeyUse.SIGNATURE).generate();
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("r").algorithm(JWSAlgorithm.PS256).generate();
    OctetKeyPair ed = new OctetKeyPairGenerator(Curve.Ed25519).keyID("o").algorithm(JWSAlgorithm.EdDSA).generate();
    assertThat(PublicJwks.parse(ec.toPublicJWK().toJSONString()).getKeyID()).isEqualTo("e");
    assertThat(PublicJwks.parse(rsa.toPublicJWK().toJSONString()).getKeyID()).isEqualTo("r");
    assertThat(PublicJwks.parse(ed.toPublicJWK().toJSONString()).getKeyID()).isEqualTo("o");
    assertThat(PublicJwks.fits(ec, "ES256")).isTrue();
    assertThat(PublicJwks.fits(ec, "EdDSA")).isFalse();
  }

  @Test
  void refusesPrivateWrongCurveWeakOrUnlabelledKeys() throws Exception {
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("e").algorithm(JWSAlgorithm.ES256).generate();
    assertThatThrownBy(() -> PublicJwks.parse(ec.toJSONString())).hasMessageContaining("private");
    ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("p").algorithm(JWSAlgorithm.ES256).generate();
    assertThatThrownBy(() -> PublicJwks.parse(p384.toPublicJWK().toJSONString())).hasMessageContaining("alg");
    RSAKey rs256 = new RSAKeyGenerator(2048).keyID("r").algorithm(JWSAlgorithm.RS256).generate();
    assertThatThrownBy(() -> PublicJwks.parse(rs256.toPublicJWK().toJSONString())).hasMessageContaining("alg");
    RSAKey small = new RSAKeyGenerator(1024, true).keyID("s").algorithm(JWSAlgorithm.PS256).generate();
    assertThatThrownBy(() -> PublicJwks.parse(small.toPublicJWK().toJSONString())).hasMessageContaining("alg");
    ECKey noAlg = new ECKeyGenerator(Curve.P_256).keyID("n").generate();
    assertThatThrownBy(() -> PublicJwks.parse(noAlg.toPublicJWK().toJSONString())).hasMessageContaining("alg");
    ECKey noKid = new ECKeyGenerator(Curve.P_256).algorithm(JWSAlgorithm.ES256).generate();
    assertThatThrownBy(() -> PublicJwks.parse(noKid.toPublicJWK().toJSONString())).hasMessageContaining("kid");
    ECKey enc = new ECKeyGenerator(Curve.P_256).keyID("x").algorithm(JWSAlgorithm.ES256).keyUse(KeyUse.ENCRYPTION).generate();
    assertThatThrownBy(() -> PublicJwks.parse(enc.toPublicJWK().toJSONString())).hasMessageContaining("use");
    assertThatThrownBy(() -> PublicJwks.parse("{\"kty\":\"oct\",\"k\":\"AAAA\",\"kid\":\"h\",\"alg\":\"HS256\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PublicJwks.parse("not json")).isInstanceOf(IllegalArgumentException.class);
  }
}
