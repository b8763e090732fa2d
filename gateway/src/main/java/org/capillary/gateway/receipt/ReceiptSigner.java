package org.capillary.gateway.receipt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import java.util.LinkedHashMap;
import org.capillary.gateway.jws.CryptoProviders;
import java.util.Map;

/**
 * Signs receipts with the gateway key: a compact JWS, {@code typ capillary-receipt+jws}, ES256,
 * whose payload is the receipt's claims (spec/SIGNING.md, Receipts). Thread-safe; the signer is
 * built once, on Conscrypt where it loads (benchmarks/RESULTS.md: about 12x the JDK provider).
 */
public final class ReceiptSigner {

  /** The JOSE type of receipts. */
  public static final JOSEObjectType TYPE = new JOSEObjectType("capillary-receipt+jws");

  private final String issuer;
  private final JWSHeader header;
  private final JWSSigner signer;

  /**
   * @param key the gateway's signing key
   * @param issuer the platform id written as {@code iss}
   */
  public ReceiptSigner(GatewaySigningKey key, String issuer) {
    this.issuer = issuer;
    this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.keyId()).build();
    try {
      ECDSASigner ecdsa = new ECDSASigner(key.privateKey());
      if (CryptoProviders.conscrypt() != null) {
        ecdsa.getJCAContext().setProvider(CryptoProviders.conscrypt());
      }
      this.signer = ecdsa;
    } catch (JOSEException e) {
      throw new IllegalStateException("the gateway key cannot sign", e);
    }
  }

  /**
   * Signs a receipt.
   *
   * @param receipt the claims
   * @return the compact JWS
   */
  public String sign(Receipt receipt) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer);
    claims.put("sub", receipt.submissionId());
    claims.put("cid", receipt.connectorId());
    claims.put("op", receipt.operationId());
    if (receipt.projectId() != null) {
      claims.put("prj", receipt.projectId());
    }
    claims.put("cdg", receipt.contentDigest());
    claims.put("seq", receipt.sequence());
    claims.put("iat", receipt.durableAt().getEpochSecond());
    claims.put("jti", receipt.jti());
    claims.put("idk", receipt.idempotencyKey());
    JWSObject jws = new JWSObject(header, new Payload(claims));
    try {
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("receipt signing failed", e);
    }
    return jws.serialize();
  }
}
