package org.capillary.gateway.connector;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The public signing keys this profile accepts (spec/schemas/common.json#/$defs/PublicJwk): EC
 * P-256 for ES256, RSA of 2048 to 4096 bits for PS256, OKP Ed25519 for EdDSA; public members only;
 * {@code alg} present and matching the key type; {@code use}, if present, {@code sig}.
 */
public final class PublicJwks {

  /** The JWS algorithms of the profile (CAP-SIG-03). */
  public static final Set<String> ALGORITHMS = Set.of("ES256", "PS256", "EdDSA");

  private static final Pattern KID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private PublicJwks() {}

  /**
   * Parses and checks a registered public key.
   *
   * @param json the JWK as JSON text
   * @return the parsed key
   * @throws IllegalArgumentException with an explanation if the text is not an acceptable public
   *     signing key of this profile
   */
  public static JWK parse(String json) {
    JWK jwk;
    try {
      jwk = JWK.parse(json);
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a JWK: " + e.getMessage(), e);
    }
    if (jwk.isPrivate()) {
      throw new IllegalArgumentException("the JWK has private members; send the public key only");
    }
    if (jwk.getKeyID() == null || !KID.matcher(jwk.getKeyID()).matches()) {
      throw new IllegalArgumentException("kid missing or not ^[A-Za-z0-9._:-]{1,64}$");
    }
    if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
      throw new IllegalArgumentException("use must be sig");
    }
    if (jwk.getAlgorithm() == null || !fits(jwk, jwk.getAlgorithm().getName())) {
      throw new IllegalArgumentException(
          "alg must be ES256 (EC P-256), PS256 (RSA 2048-4096) or EdDSA (OKP Ed25519) and match the key");
    }
    return jwk;
  }

  /**
   * Whether a key can verify signatures of an algorithm under this profile: the JWK names that
   * algorithm and has the matching type, curve and size.
   *
   * @param jwk the key
   * @param alg the JWS algorithm name
   * @return true if it fits
   */
  public static boolean fits(JWK jwk, String alg) {
    if (jwk.getAlgorithm() == null || !alg.equals(jwk.getAlgorithm().getName())) {
      return false;
    }
    switch (alg) {
      case "ES256":
        return jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
      case "PS256":
        return jwk instanceof RSAKey rsa && rsa.size() >= 2048 && rsa.size() <= 4096;
      case "EdDSA":
        return jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve());
      default:
        return false;
    }
  }
}
