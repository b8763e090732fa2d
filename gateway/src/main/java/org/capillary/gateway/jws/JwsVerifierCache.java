package org.capillary.gateway.jws;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.Provider;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.capillary.gateway.connector.ConnectorKey;
import org.jspecify.annotations.Nullable;

/**
 * One ready nimbus {@link JWSVerifier} per registered key, built on first use and reused by every
 * later request (verifiers are thread-safe; they hold the public key and create a JCA signature
 * object per call).
 *
 * <p>Providers, chosen for throughput on a small machine (../shared/TOOLCHAIN.md, one core): ES256
 * through Conscrypt (BoringSSL, about 15,600 verifications/s against 1,100 for the JDK 17 default
 * provider), falling back to the JDK provider if Conscrypt's native library cannot load on this
 * platform; PS256 through the JDK (about 24,500/s); EdDSA through nimbus' Ed25519Verifier, which
 * uses Tink (about 5,300/s). Each verifier defers the profile's crit members (iat, jti, htm, htp,
 * cdg, idk) to {@link RequestSignatureVerifier}, which enforces them itself.
 *
 * <p>Entries are keyed by kid and remember the JWK instance they were built from: the directory
 * hands out the same instance while a key is registered, so a changed key (which cannot happen
 * through the API: kids are never reused) would simply be rebuilt.
 */
final class JwsVerifierCache {


  private record Entry(JWK jwk, JWSVerifier verifier) {}

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final @Nullable Provider ecProvider;

  JwsVerifierCache() {
    this(CryptoProviders.conscrypt());
  }

  /**
   * @param ecProvider the JCA provider for ES256, or null for the JDK's default
   */
  JwsVerifierCache(@Nullable Provider ecProvider) {
    this.ecProvider = ecProvider;
  }

  /** The provider used for ES256, or null for the JDK default. */
  @Nullable Provider ecProvider() {
    return ecProvider;
  }

  /**
   * The verifier of a key.
   *
   * @param key a usable registered key whose JWK fits its alg
   * @return its verifier
   * @throws JOSEException if nimbus cannot build a verifier for the key (a registry fault)
   */
  JWSVerifier verifier(ConnectorKey key) throws JOSEException {
    Entry e = entries.get(key.kid());
    if (e != null && e.jwk() == key.publicKey()) {
      return e.verifier();
    }
    JWSVerifier v = build(key.publicKey(), key.alg());
    entries.put(key.kid(), new Entry(key.publicKey(), v));
    return v;
  }

  private JWSVerifier build(JWK jwk, String alg) throws JOSEException {
    switch (alg) {
      case "ES256": {
        ECDSAVerifier v = new ECDSAVerifier(((ECKey) jwk).toECPublicKey(), SigningProfile.UNDERSTOOD);
        if (ecProvider != null) {
          v.getJCAContext().setProvider(ecProvider);
        }
        return v;
      }
      case "PS256":
        return new RSASSAVerifier(((RSAKey) jwk).toRSAPublicKey(), SigningProfile.UNDERSTOOD);
      case "EdDSA":
        return new Ed25519Verifier((OctetKeyPair) jwk, SigningProfile.UNDERSTOOD);
      default:
        throw new JOSEException("no verifier for " + Objects.toString(alg));
    }
  }
}
