package org.capillary.conformance.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox's receipt key (a fresh ES256 key per sandbox, published at
 * {@code /.well-known/jwks.json}) and the receipts it signs (spec/SIGNING.md §11, CAP-SIG-19).
 */
final class ReceiptIssuer {

  static final String KID = "sandbox-receipt-1";

  private final ECKey key;
  private final ECDSASigner signer;
  private final String issuer;

  ReceiptIssuer(String issuer) {
    this.issuer = issuer;
    try {
      this.key = new ECKeyGenerator(Curve.P_256).keyID(KID).algorithm(JWSAlgorithm.ES256).generate();
      this.signer = new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot make the sandbox receipt key", e);
    }
  }

  String jwksJson() {
    return new JWKSet(key.toPublicJWK()).toString(true);
  }

  String sign(String submissionId, String connectorId, String operationId, String contentDigest, long sequence,
      long issuedAt, String jti, String idempotencyKey) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer);
    claims.put("sub", submissionId);
    claims.put("cid", connectorId);
    claims.put("op", operationId);
    claims.put("cdg", contentDigest);
    claims.put("seq", sequence);
    claims.put("iat", issuedAt);
    claims.put("jti", jti);
    claims.put("idk", idempotencyKey);
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256)
        .type(new JOSEObjectType("capillary-receipt+jws")).keyID(KID).build(), new Payload(claims));
    try {
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("receipt signing failed", e);
    }
    return jws.serialize();
  }
}
