package org.capillary.conformance.connector;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.capillary.sdk.auth.CapillaryKeyCredential;

/** A fresh ES256 test key of a test connector: its credential for the SDK and its public JWK Set for the sandbox. */
record TestKeys(String connectorId, ECKey key) {

  static TestKeys create(String connectorId) {
    try {
      return new TestKeys(connectorId,
          new ECKeyGenerator(Curve.P_256).keyID(connectorId + "-k1").algorithm(JWSAlgorithm.ES256).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  CapillaryKeyCredential credential() {
    return CapillaryKeyCredential.fromJwk(key.toJSONString());
  }

  String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString(true);
  }

  Path writePublicJwks(Path dir) {
    try {
      return Files.writeString(dir.resolve(connectorId + ".jwks.json"), publicJwks());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
