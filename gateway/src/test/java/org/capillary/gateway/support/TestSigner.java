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
}
