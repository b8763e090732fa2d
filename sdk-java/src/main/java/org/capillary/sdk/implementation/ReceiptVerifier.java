package org.capillary.sdk.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.io.IOException;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capillary.sdk.exception.ReceiptVerificationException;
import org.capillary.sdk.models.ReceiptClaims;
import org.jspecify.annotations.Nullable;

/** Verifies a receipt JWS per spec/SIGNING.md §11 (CAP-SIG-19, CAP-SIG-20). Fails closed. */
public final class ReceiptVerifier {

  /** The {@code typ} of receipts. */
  public static final String TYPE = "capillary-receipt+jws";
  private static final Set<String> FORBIDDEN = Set.of("crit", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "cty", "b64", "zip");

  /**
   * What the receipt must say.
   *
   * @param connectorId the client's connector id ({@code cid})
   * @param operationId the operation called ({@code op})
   * @param contentDigest the {@code cdg} sent
   * @param idempotencyKey the {@code idk} sent
   * @param jtis the {@code jti} of every attempt (an answer replayed from an earlier attempt names that one),
   *     or {@code null} for a stored answer of an earlier call ({@code Idempotent-Replayed: true})
   * @param issuer the expected {@code iss}, or {@code null} to accept any
   */
  public record Expected(String connectorId, String operationId, String contentDigest, String idempotencyKey,
      @Nullable List<String> jtis, @Nullable String issuer) {
  }

  private final JwksCache jwks;

  public ReceiptVerifier(JwksCache jwks) {
    this.jwks = jwks;
  }

  public ReceiptClaims verify(String receipt, Expected expected) {
    JWSObject jws;
    try {
      jws = JWSObject.parse(receipt);
    } catch (ParseException e) {
      throw fail("the receipt is not a compact JWS", null, e);
    }
    String[] parts = receipt.split("\\.", -1);
    if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw fail("the receipt is not an attached compact JWS", null, null);
    }
    Map<String, Object> header = jws.getHeader().toJSONObject();
    if (jws.getHeader().getType() == null || !TYPE.equals(jws.getHeader().getType().getType())) {
      throw fail("the receipt typ is not " + TYPE, null, null);
    }
    for (String name : header.keySet()) {
      if (FORBIDDEN.contains(name)) {
        throw fail("the receipt header carries " + name, null, null);
      }
    }
    JWSAlgorithm alg = jws.getHeader().getAlgorithm();
    if (!JWSAlgorithm.ES256.equals(alg) && !JWSAlgorithm.EdDSA.equals(alg)) {
      throw fail("the receipt alg " + alg + " is not ES256 or EdDSA", null, null);
    }
    String kid = jws.getHeader().getKeyID();
    if (kid == null) {
      throw fail("the receipt has no kid", null, null);
    }
    JWK key = jwks.key(kid);
    if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(alg.getName())) {
      throw fail("the receipt alg does not match the gateway key", null, null);
    }
    boolean verified;
    try {
      JWSVerifier verifier;
      if (JWSAlgorithm.ES256.equals(alg) && key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
        verifier = new ECDSAVerifier(ec.toPublicJWK());
      } else if (JWSAlgorithm.EdDSA.equals(alg) && key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
        verifier = new Ed25519Verifier(okp.toPublicJWK());
      } else {
        throw fail("the gateway key " + kid + " does not fit " + alg, null, null);
      }
      verified = jws.verify(verifier);
    } catch (JOSEException e) {
      throw fail("the receipt signature cannot be checked", null, e);
    }
    if (!verified) {
      throw fail("the receipt signature does not verify with gateway key " + kid, null, null);
    }
    JsonNode claims;
    try {
      claims = Json.MAPPER.readTree(jws.getPayload().toBytes());
    } catch (IOException e) {
      throw fail("the receipt payload is not JSON", null, e);
    }
    if (claims == null || !claims.isObject()) {
      throw fail("the receipt payload is not a JSON object", null, null);
    }
    String sub = text(claims, "sub", null);
    ReceiptClaims c = new ReceiptClaims(text(claims, "iss", sub), sub, text(claims, "cid", sub), text(claims, "op", sub),
        claims.path("prj").isTextual() ? claims.get("prj").asText() : null, text(claims, "cdg", sub),
        integer(claims, "seq", sub), Instant.ofEpochSecond(integer(claims, "iat", sub)), text(claims, "jti", sub),
        text(claims, "idk", sub));
    check(c.connectorId().equals(expected.connectorId()), "cid", sub);
    check(c.operationId().equals(expected.operationId()), "op", sub);
    check(c.contentDigest().equals(expected.contentDigest()), "cdg", sub);
    check(c.idempotencyKey().equals(expected.idempotencyKey()), "idk", sub);
    check(expected.jtis() == null || expected.jtis().contains(c.jti()), "jti", sub);
    check(expected.issuer() == null || expected.issuer().equals(c.issuer()), "iss", sub);
    return c;
  }

  private static void check(boolean ok, String member, @Nullable String sub) {
    if (!ok) {
      throw fail("the receipt " + member + " does not match the request", sub, null);
    }
  }

  private static String text(JsonNode claims, String name, @Nullable String sub) {
    JsonNode v = claims.get(name);
    if (v == null || !v.isTextual()) {
      throw fail("the receipt has no string " + name, sub, null);
    }
    return v.asText();
  }

  private static long integer(JsonNode claims, String name, @Nullable String sub) {
    JsonNode v = claims.get(name);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw fail("the receipt has no integer " + name, sub, null);
    }
    return v.asLong();
  }

  private static ReceiptVerificationException fail(String message, @Nullable String sub, @Nullable Throwable cause) {
    return new ReceiptVerificationException(message, sub, cause);
  }
}
