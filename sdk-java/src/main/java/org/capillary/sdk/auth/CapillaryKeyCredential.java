package org.capillary.sdk.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A connector's signing key: the private key, the {@code kid} under which its public half is
 * registered with the operator, and the algorithm. Immutable and thread-safe; create once and hand
 * to {@link org.capillary.sdk.CapillaryClientBuilder#credential(CapillaryKeyCredential)}.
 *
 * <p>Loaded from a private JWK ({@link #fromJwk}), a PKCS#8 PEM file ({@link #fromPem}) or a
 * PKCS#12 key store ({@link #fromPkcs12}). The key material never appears in {@link #toString()},
 * logs or exception messages. ES256 keys sign on Conscrypt when {@code org.conscrypt:conscrypt-openjdk-uber}
 * is on the class path (about ten times faster than the JDK), else on the JDK's provider.
 */
public final class CapillaryKeyCredential {

  private static final Pattern KID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final String kid;
  private final SigningAlgorithm algorithm;
  private final JWSSigner signer;

  private CapillaryKeyCredential(String kid, SigningAlgorithm algorithm, JWSSigner signer) {
    if (!KID.matcher(kid).matches()) {
      throw new IllegalArgumentException("kid must be 1-128 characters of [A-Za-z0-9._:-] (CAP-SIG-15)");
    }
    this.kid = kid;
    this.algorithm = algorithm;
    this.signer = signer;
  }

  /**
   * Reads a private JWK (RFC 7517) with {@code kid} and {@code alg}; {@code alg} may be omitted for
   * EC P-256 (ES256) and OKP Ed25519 (EdDSA) keys, not for RSA.
   *
   * @param jwkJson the private JWK as JSON
   * @return the credential
   * @throws IllegalArgumentException if the JWK is malformed, public only, lacks a {@code kid}, or
   *     does not fit an allowed algorithm
   */
  public static CapillaryKeyCredential fromJwk(String jwkJson) {
    Objects.requireNonNull(jwkJson, "jwkJson");
    JWK jwk;
    try {
      jwk = JWK.parse(jwkJson);
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a JWK: " + e.getMessage(), null);
    }
    if (!jwk.isPrivate()) {
      throw new IllegalArgumentException("the JWK has no private part");
    }
    if (jwk.getKeyID() == null) {
      throw new IllegalArgumentException("the JWK has no kid");
    }
    SigningAlgorithm alg;
    if (jwk.getAlgorithm() != null) {
      alg = SigningAlgorithm.fromJose(jwk.getAlgorithm().getName());
    } else if (jwk instanceof ECKey) {
      alg = SigningAlgorithm.ES256;
    } else if (jwk instanceof OctetKeyPair) {
      alg = SigningAlgorithm.EdDSA;
    } else {
      throw new IllegalArgumentException("an RSA JWK must say alg PS256");
    }
    try {
      JWSSigner signer;
      if (alg == SigningAlgorithm.ES256 && jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
        signer = fastest(new ECDSASigner(ec));
      } else if (alg == SigningAlgorithm.PS256 && jwk instanceof RSAKey rsa && rsa.size() >= 2048) {
        signer = new RSASSASigner(rsa);
      } else if (alg == SigningAlgorithm.EdDSA && jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
        signer = new Ed25519Signer(okp);
      } else {
        throw new IllegalArgumentException("key type does not fit " + alg + " (EC P-256, RSA >= 2048 bits, OKP Ed25519)");
      }
      return new CapillaryKeyCredential(jwk.getKeyID(), alg, signer);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable key for " + alg, null);
    }
  }

  /**
   * Reads an unencrypted PKCS#8 private key in PEM form ({@code -----BEGIN PRIVATE KEY-----}), as
   * {@code openssl genpkey} writes it.
   *
   * @param pem the PEM text
   * @param kid the registered key id
   * @param algorithm the algorithm registered for the key
   * @return the credential
   * @throws IllegalArgumentException if the PEM is not a PKCS#8 private key fitting {@code algorithm}
   */
  public static CapillaryKeyCredential fromPem(String pem, String kid, SigningAlgorithm algorithm) {
    Objects.requireNonNull(pem, "pem");
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(algorithm, "algorithm");
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("expected an unencrypted PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM body is not base64", null);
    }
    String jca = switch (algorithm) {
      case ES256 -> "EC";
      case PS256 -> "RSA";
      case EdDSA -> "Ed25519";
    };
    try {
      PrivateKey key = KeyFactory.getInstance(jca).generatePrivate(new PKCS8EncodedKeySpec(der));
      return fromPrivateKey(key, kid, algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the PEM is not a " + jca + " private key", null);
    }
  }

  /**
   * Reads a private key from a PKCS#12 key store.
   *
   * @param keyStore the PKCS#12 content (not closed by this method)
   * @param password the store and key password
   * @param alias the key's alias in the store
   * @param kid the registered key id
   * @param algorithm the algorithm registered for the key
   * @return the credential
   * @throws IllegalArgumentException if the store cannot be read or holds no fitting private key
   */
  public static CapillaryKeyCredential fromPkcs12(InputStream keyStore, char[] password, String alias,
      String kid, SigningAlgorithm algorithm) {
    Objects.requireNonNull(keyStore, "keyStore");
    Objects.requireNonNull(password, "password");
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(keyStore, password);
      Key key = store.getKey(alias, password);
      if (!(key instanceof PrivateKey privateKey)) {
        throw new IllegalArgumentException("no private key under alias " + alias);
      }
      return fromPrivateKey(privateKey, kid, algorithm);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the PKCS#12 store: " + e.getClass().getSimpleName(), null);
    }
  }

  private static CapillaryKeyCredential fromPrivateKey(PrivateKey key, String kid, SigningAlgorithm algorithm) {
    try {
      JWSSigner signer;
      if (algorithm == SigningAlgorithm.ES256 && key instanceof ECPrivateKey ec
          && ec.getParams().getCurve().getField().getFieldSize() == 256) {
        signer = fastest(new ECDSASigner(ec));
      } else if (algorithm == SigningAlgorithm.PS256 && key instanceof RSAPrivateKey rsa
          && rsa.getModulus().bitLength() >= 2048) {
        signer = new RSASSASigner(rsa);
      } else if (algorithm == SigningAlgorithm.EdDSA && key instanceof EdECPrivateKey ed
          && "Ed25519".equalsIgnoreCase(ed.getParams().getName()) && ed.getBytes().isPresent()) {
        byte[] d = ed.getBytes().get();
        byte[] x = com.google.crypto.tink.subtle.Ed25519Sign.KeyPair.newKeyPairFromSeed(d).getPublicKey();
        signer = new Ed25519Signer(new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
            .d(Base64URL.encode(d)).keyID(kid).build());
      } else {
        throw new IllegalArgumentException("key type does not fit " + algorithm + " (EC P-256, RSA >= 2048 bits, Ed25519)");
      }
      return new CapillaryKeyCredential(kid, algorithm, signer);
    } catch (JOSEException | GeneralSecurityException e) {
      throw new IllegalArgumentException("unusable key for " + algorithm, null);
    }
  }

  /** @return the registered key id, sent as {@code kid} */
  public String kid() {
    return kid;
  }

  /** @return the signing algorithm, sent as {@code alg} */
  public SigningAlgorithm algorithm() {
    return algorithm;
  }

  JWSSigner signer() {
    return signer;
  }

  /** ES256 on Conscrypt when it is on the class path (see {@link EcdsaProvider}). */
  private static ECDSASigner fastest(ECDSASigner signer) {
    java.security.Provider provider = EcdsaProvider.fastest();
    if (provider != null) {
      signer.getJCAContext().setProvider(provider);
    }
    return signer;
  }

  @Override
  public String toString() {
    return "CapillaryKeyCredential[kid=" + kid + ", alg=" + algorithm + "]";
  }

}
