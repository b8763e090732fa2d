package org.capillary.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.capillary.gateway.jws.ContentDigest;
import org.jspecify.annotations.Nullable;

/**
 * Signs test requests as spec/SIGNING.md says, with a connector's private test key — the client
 * side of the gateway's end-to-end tests (the SDK has the production signer).
 */
public final class TestSigner {

  private final JWK key;
  private final JWSSigner signer;

  private TestSigner(JWK key) {
    this.key = key;
    try {
      this.signer = new DefaultJWSSignerFactory().createJWSSigner(key, JWSAlgorithm.parse(key.getAlgorithm().getName()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A signer for a demo connector's key shipped with the gateway's test resources.
   *
   * @param kid the key id, e.g. {@code demo-insurer-a-es256-1}
   * @return the signer
   */
  public static TestSigner demo(String kid) {
    String resource = "connectors/demo-keys/" + kid + ".jwk.json";
    try (InputStream in = TestSigner.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no demo key " + resource);
      }
      return of(JWK.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A signer for any private JWK with alg and kid. */
  public static TestSigner of(JWK key) {
    return new TestSigner(key);
  }

  /** The key id. */
  public String kid() {
    return key.getKeyID();
  }

  /**
   * Signs a request now with a fresh jti.
   *
   * @param method HTTP method
   * @param pathAndQuery path as sent
   * @param body exact body bytes
   * @param idempotencyKey the key, or null for reads
   * @return the Capillary-Signature header value
   */
  public String sign(String method, String pathAndQuery, byte[] body, @Nullable String idempotencyKey) {
    return sign(method, pathAndQuery, body, idempotencyKey, Instant.now(), UUID.randomUUID().toString());
  }

  /**
   * Signs a request.
   *
   * @param method HTTP method
   * @param pathAndQuery path as sent
   * @param body exact body bytes
   * @param idempotencyKey the key, or null for reads
   * @param issuedAt iat
   * @param jti the unique id
   * @return the Capillary-Signature header value
   */
  public String sign(String method, String pathAndQuery, byte[] body, @Nullable String idempotencyKey, Instant issuedAt, String jti) {
    Set<String> crit = new LinkedHashSet<>(java.util.List.of("iat", "jti", "htm", "htp", "cdg"));
    JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.parse(key.getAlgorithm().getName()))
        .keyID(key.getKeyID())
        .type(new JOSEObjectType("capillary-request+jws"))
        .customParam("iat", issuedAt.getEpochSecond())
        .customParam("jti", jti)
        .customParam("htm", method)
        .customParam("htp", pathAndQuery)
        .customParam("cdg", ContentDigest.of(body));
    if (idempotencyKey != null) {
      header.customParam("idk", idempotencyKey);
      crit.add("idk");
    }
    header.criticalParams(crit);
    JWSObject jws = new JWSObject(header.build(), new Payload(body));
    try {
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize(true);
  }

  /** The private key this signer signs with (test keys only). */
  public JWK key() {
    return key;
  }

  /** The public half of the key, as a JWK member map (for registering it with the operator). */
  public java.util.Map<String, Object> publicJwk() {
    return key.toPublicJWK().toJSONObject();
  }

  /**
   * A signer for a fresh EC P-256 key that nobody has registered yet.
   *
   * @param kid the key id to give it
   * @return the signer
   */
  public static TestSigner generateEs256(String kid) {
    try {
      return of(new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
          .keyID(kid).algorithm(JWSAlgorithm.ES256).keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The protected header {@link #sign} would make, as a mutable ordered map, for tests that bend
   * it before {@link #signHeader}.
   *
   * @param method HTTP method
   * @param pathAndQuery path as sent
   * @param body exact body bytes
   * @param idempotencyKey the key, or null for reads
   * @param issuedAt iat
   * @param jti the unique id
   * @return alg, kid, typ, iat, jti, htm, htp, cdg, [idk,] crit
   */
  public java.util.Map<String, Object> header(
      String method, String pathAndQuery, byte[] body, @Nullable String idempotencyKey, Instant issuedAt, String jti) {
    java.util.Map<String, Object> header = new java.util.LinkedHashMap<>();
    header.put("alg", key.getAlgorithm().getName());
    header.put("kid", key.getKeyID());
    header.put("typ", "capillary-request+jws");
    header.put("iat", issuedAt.getEpochSecond());
    header.put("jti", jti);
    header.put("htm", method);
    header.put("htp", pathAndQuery);
    header.put("cdg", ContentDigest.of(body));
    java.util.List<String> crit = new java.util.ArrayList<>(java.util.List.of("iat", "jti", "htm", "htp", "cdg"));
    if (idempotencyKey != null) {
      header.put("idk", idempotencyKey);
      crit.add("idk");
    }
    header.put("crit", crit);
    return header;
  }

  /**
   * Signs a protected header given as a member map (serialised as JSON in its iteration order),
   * whatever it says, with this signer's key and algorithm.
   *
   * @param header the protected header members
   * @param body exact body bytes
   * @return the detached compact JWS, {@code H..S}
   */
  public String signHeader(java.util.Map<String, Object> header, byte[] body) {
    return signHeaderText(SignedClient.JSON.writeValueAsString(header), body);
  }

  /**
   * Signs a protected header given as exact JSON text (duplicates, odd types and all) with this
   * signer's key and algorithm.
   *
   * @param headerJson the protected header, exactly as it is to be encoded
   * @param body exact body bytes
   * @return the detached compact JWS, {@code H..S}
   */
  public String signHeaderText(String headerJson, byte[] body) {
    return compact(headerJson, body, signer, JWSAlgorithm.parse(key.getAlgorithm().getName()));
  }

  /**
   * A detached compact JWS over the exact header text and body, signed by any nimbus signer — the
   * hand-made signatures of hostile tests (HS256, RS256, forbidden members, ...).
   *
   * @param headerJson the protected header, exactly as it is to be encoded
   * @param body exact body bytes
   * @param signer the signer
   * @param alg the algorithm the signer is to use (need not be the header's)
   * @return {@code BASE64URL(headerJson)..BASE64URL(signature)}
   */
  public static String compact(String headerJson, byte[] body, JWSSigner signer, JWSAlgorithm alg) {
    String head = com.nimbusds.jose.util.Base64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8)).toString();
    String input = head + "." + com.nimbusds.jose.util.Base64URL.encode(body);
    try {
      return head + ".." + signer.sign(new JWSHeader(alg), input.getBytes(StandardCharsets.US_ASCII));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
