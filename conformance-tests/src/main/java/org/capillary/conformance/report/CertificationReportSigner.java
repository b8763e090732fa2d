package org.capillary.conformance.report;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Objects;
import org.capillary.conformance.run.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * Signs certification reports with the operator's certification key: an EC P-256 private JWK with a
 * {@code kid}, used with ES256. The compact JWS has the header {@code {"alg":"ES256","kid":…,
 * "typ":"capillary-certification+jws"}} and the claims' canonical JSON as payload.
 *
 * <p>Immutable and thread-safe. The key never appears in messages or {@link #toString()}.
 */
public final class CertificationReportSigner {

  private final ECKey key;

  private CertificationReportSigner(ECKey key) {
    this.key = key;
  }

  /**
   * A signer for a private JWK.
   *
   * @param jwkJson the private JWK
   * @return the signer
   * @throws IllegalArgumentException if it is not a private EC P-256 JWK with a {@code kid}
   */
  public static CertificationReportSigner fromJwk(String jwkJson) {
    Objects.requireNonNull(jwkJson, "jwkJson");
    JWK jwk;
    try {
      jwk = JWK.parse(jwkJson);
    } catch (ParseException e) {
      throw new IllegalArgumentException("the certification key is not a JWK", null);
    }
    if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate() || ec.getKeyID() == null) {
      throw new IllegalArgumentException("the certification key must be a private EC P-256 JWK with a kid (ES256)");
    }
    return new CertificationReportSigner(ec);
  }

  /**
   * A signer for a private JWK file.
   *
   * @param file the file
   * @return the signer
   * @throws IllegalArgumentException as {@link #fromJwk}
   * @throws UncheckedIOException if the file cannot be read
   */
  public static CertificationReportSigner fromFile(Path file) {
    try {
      return fromJwk(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the certification key " + file, e);
    }
  }

  /** The key id named in reports. */
  public String kid() {
    return key.getKeyID();
  }

  /**
   * Signs claims.
   *
   * @param claims the report's claims
   * @return the compact JWS
   */
  public String sign(JsonNode claims) {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
        .type(new JOSEObjectType(CertificationReport.TYPE)).build();
    JWSObject jws = new JWSObject(header, new Payload(CanonicalJson.bytes(claims)));
    try {
      jws.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with the certification key " + key.getKeyID(), e);
    }
    return jws.serialize();
  }

  @Override
  public String toString() {
    return "CertificationReportSigner[kid=" + key.getKeyID() + "]";
  }
}
