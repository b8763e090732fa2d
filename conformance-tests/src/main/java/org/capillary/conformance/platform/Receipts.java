package org.capillary.conformance.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.capillary.sdk.auth.JwsRequestSigner;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a gateway receipt as spec/SIGNING.md §11 says a connector does (CAP-SIG-19/20): typ and
 * alg, the kid in the gateway's JWK Set, the signature, and the claims bound to the request sent.
 */
final class Receipts {

  private Receipts() {}

  /**
   * What is wrong with the receipt of an accepted write; empty if it verifies.
   *
   * @param e the exchange (201 with a SubmissionReceipt body)
   * @param operationId the operation
   * @param connectorId the sender
   * @param jwks the gateway's keys
   * @param replayed whether the answer is a stored one (its jti is the first request's)
   * @return the defects
   */
  static List<String> defects(Exchange e, String operationId, String connectorId, JWKSet jwks, boolean replayed) {
    List<String> wrong = new ArrayList<>();
    String receipt = e.json().path("receipt").asString("");
    JWSObject jws;
    try {
      jws = JWSObject.parse(receipt);
    } catch (ParseException ex) {
      wrong.add("the receipt is not a compact JWS");
      return wrong;
    }
    if (jws.getHeader().getType() == null || !"capillary-receipt+jws".equals(jws.getHeader().getType().getType())) {
      wrong.add("typ is " + jws.getHeader().getType() + ", not capillary-receipt+jws");
    }
    JWSAlgorithm alg = jws.getHeader().getAlgorithm();
    if (!JWSAlgorithm.ES256.equals(alg) && !JWSAlgorithm.EdDSA.equals(alg) && !JWSAlgorithm.Ed25519.equals(alg)) {
      wrong.add("alg " + alg + " is not ES256 or EdDSA");
      return wrong;
    }
    if (jws.getHeader().getCriticalParams() != null) {
      wrong.add("the receipt header has crit");
    }
    JWK key = jws.getHeader().getKeyID() == null ? null : jwks.getKeyByKeyId(jws.getHeader().getKeyID());
    if (key == null) {
      wrong.add("kid " + jws.getHeader().getKeyID() + " is not in /.well-known/jwks.json");
      return wrong;
    }
    try {
      JWSVerifier verifier = key instanceof ECKey ec ? new ECDSAVerifier(ec.toPublicJWK())
          : key instanceof OctetKeyPair okp ? new Ed25519Verifier(okp.toPublicJWK()) : null;
      if (verifier == null || !jws.verify(verifier)) {
        wrong.add("the signature does not verify with " + key.getKeyID());
        return wrong;
      }
    } catch (JOSEException ex) {
      wrong.add("cannot verify: " + ex.getMessage());
      return wrong;
    }
    JsonNode claims = Exchange.JSON.readTree(jws.getPayload().toBytes());
    expect(wrong, claims, "cid", connectorId);
    expect(wrong, claims, "op", operationId);
    expect(wrong, claims, "cdg", JwsRequestSigner.contentDigest(e.requestBody()));
    expect(wrong, claims, "idk", e.requestHeaders().getOrDefault("Idempotency-Key", ""));
    expect(wrong, claims, "sub", e.json().path("submissionId").asString(""));
    if (!replayed) {
      expect(wrong, claims, "jti", jtiOf(e.requestHeaders().getOrDefault("Capillary-Signature", "")));
    }
    if (claims.path("iss").asString("").isEmpty()) {
      wrong.add("no iss");
    }
    if (!claims.path("seq").isIntegralNumber() || !claims.path("iat").isIntegralNumber()) {
      wrong.add("seq and iat must be integers");
    }
    return wrong;
  }

  private static void expect(List<String> wrong, JsonNode claims, String member, String value) {
    if (!value.equals(claims.path(member).asString(""))) {
      wrong.add(member + " is " + claims.path(member) + ", expected " + value);
    }
  }

  static String jtiOf(String signature) {
    int dot = signature.indexOf('.');
    if (dot < 0) {
      return "";
    }
    JsonNode header = Exchange.JSON.readTree(new String(Base64.getUrlDecoder().decode(signature.substring(0, dot)), StandardCharsets.UTF_8));
    return header.path("jti").asString("");
  }
}
