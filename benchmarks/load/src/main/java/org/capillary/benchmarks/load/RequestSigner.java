package org.capillary.benchmarks.load;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.capillary.sdk.auth.JwsRequestSigner;
import org.capillary.sdk.auth.SigningAlgorithm;
import org.conscrypt.Conscrypt;

/**
 * Signs requests as spec/SIGNING.md says, with the SDK's protected header and digest
 * ({@link JwsRequestSigner#protectedHeaderJson}, {@link JwsRequestSigner#contentDigest}) but the
 * ES256 signature computed on Conscrypt: the SDK's JDK signer would make pre-signing a phase of
 * 100,000 requests take over a minute. Thread-safe.
 */
final class RequestSigner {

  private static final java.security.Provider CONSCRYPT = Conscrypt.newProvider();

  private final String kid;
  private final ECDSASigner signer;
  private final Clock clock;

  RequestSigner(ECKey key, Clock clock) {
    this.kid = key.getKeyID();
    this.clock = clock;
    try {
      this.signer = new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("not an ES256 key", e);
    }
    signer.getJCAContext().setProvider(CONSCRYPT);
  }

  /**
   * A fresh signature (new jti, current iat) of one write.
   *
   * @param method the method
   * @param path the request target
   * @param body the body octets
   * @param idempotencyKey the Idempotency-Key
   * @return the Capillary-Signature value
   */
  String sign(String method, String path, byte[] body, String idempotencyKey) {
    String header = JwsRequestSigner.protectedHeaderJson(SigningAlgorithm.ES256, kid, clock.instant().getEpochSecond(),
        UUID.randomUUID().toString(), method, path, JwsRequestSigner.contentDigest(body), idempotencyKey);
    String h = Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)).toString();
    String signingInput = h + "." + Base64URL.encode(body);
    try {
      Base64URL signature = signer.sign(new JWSHeader(JWSAlgorithm.ES256), signingInput.getBytes(StandardCharsets.US_ASCII));
      return h + ".." + signature;
    } catch (JOSEException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }
}
