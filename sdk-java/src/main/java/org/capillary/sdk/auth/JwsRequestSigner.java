package org.capillary.sdk.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import org.capillary.sdk.exception.CapillaryClientException;
import org.jspecify.annotations.Nullable;

/**
 * Signs requests exactly as spec/SIGNING.md §5 says (CAP-SIG-11..14): a detached compact JWS whose
 * payload is the body octets as sent, with {@code typ}, {@code kid}, {@code iat}, {@code jti},
 * {@code htm}, {@code htp}, {@code cdg}, {@code idk} (writes only) and {@code crit}.
 *
 * <p>The SDK client uses it for every attempt of every call; it is public so that connectors that
 * do not use the client (or test their own HTTP stack) can produce the same header. Thread-safe.
 * Sign each attempt afresh: a value is single-use (CAP-SIG-17).
 */
public final class JwsRequestSigner {

  /** The {@code typ} of request signatures. */
  public static final String TYPE = "capillary-request+jws";

  private final CapillaryKeyCredential credential;
  private final Clock clock;

  private JwsRequestSigner(CapillaryKeyCredential credential, Clock clock) {
    this.credential = Objects.requireNonNull(credential, "credential");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param credential the connector's key
   * @param clock the clock for {@code iat}; keep it NTP-synchronised (±300 s window)
   * @return a signer
   */
  public static JwsRequestSigner create(CapillaryKeyCredential credential, Clock clock) {
    return new JwsRequestSigner(credential, clock);
  }

  /**
   * Signs one attempt with a fresh {@code jti} (a random UUID) and the clock's current time.
   *
   * @param method the request method as sent, e.g. {@code POST}
   * @param requestTarget the raw path and query as sent, e.g. {@code /v1/projects/P1/inspections}
   * @param body the exact body octets (empty for none)
   * @param idempotencyKey the {@code Idempotency-Key} of a write; {@code null} on reads
   * @return the signature
   * @throws CapillaryClientException if the key cannot sign
   */
  public SignedRequest sign(String method, String requestTarget, byte[] body, @Nullable String idempotencyKey) {
    return sign(method, requestTarget, body, idempotencyKey, clock.instant().getEpochSecond(), UUID.randomUUID().toString());
  }

  /**
   * Signs with a given {@code iat} and {@code jti}: for tests and vectors.
   *
   * @param method the request method
   * @param requestTarget the raw path and query
   * @param body the exact body octets
   * @param idempotencyKey the {@code Idempotency-Key}, or {@code null} on reads
   * @param issuedAt the {@code iat}
   * @param jti the unique id, 16-64 characters of {@code [A-Za-z0-9_-]}
   * @return the signature
   * @throws CapillaryClientException if the key cannot sign
   */
  public SignedRequest sign(String method, String requestTarget, byte[] body, @Nullable String idempotencyKey,
      long issuedAt, String jti) {
    String cdg = contentDigest(body);
    String headerJson = protectedHeaderJson(credential.algorithm(), credential.kid(), issuedAt, jti, method,
        requestTarget, cdg, idempotencyKey);
    String h = Base64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8)).toString();
    String signingInput = h + "." + Base64URL.encode(body);
    String signature = signRaw(signingInput);
    return new SignedRequest(h + ".." + signature, headerJson, signingInput, cdg, jti, issuedAt);
  }

  /**
   * Signs a signing input as it is (§5.1 step 6) and returns BASE64URL(S).
   *
   * @param signingInput {@code H "." BASE64URL(body)}
   * @return the base64url signature
   * @throws CapillaryClientException if the key cannot sign
   */
  public String signRaw(String signingInput) {
    try {
      JWSHeader header = new JWSHeader(JWSAlgorithm.parse(credential.algorithm().name()));
      return credential.signer().sign(header, signingInput.getBytes(StandardCharsets.US_ASCII)).toString();
    } catch (JOSEException e) {
      throw new CapillaryClientException("signing failed (" + credential + ")", e);
    }
  }

  /**
   * The RFC 9530 digest of a body as used in {@code cdg} and {@code Content-Digest}.
   *
   * @param body the body octets
   * @return {@code sha-256=:BASE64(SHA-256(body)):}
   */
  public static String contentDigest(byte[] body) {
    try {
      return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)) + ":";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The protected header JSON in the member order of spec/SIGNING.md §9, without whitespace.
   *
   * @param alg the algorithm
   * @param kid the key id
   * @param iat the issued-at time
   * @param jti the unique id
   * @param htm the method
   * @param htp the request target
   * @param cdg the content digest
   * @param idk the idempotency key, or {@code null} (reads)
   * @return the JSON text
   */
  public static String protectedHeaderJson(SigningAlgorithm alg, String kid, long iat, String jti, String htm,
      String htp, String cdg, @Nullable String idk) {
    StringBuilder b = new StringBuilder(256).append('{');
    member(b, "alg", alg.name()).append(',');
    member(b, "typ", TYPE).append(',');
    member(b, "kid", kid).append(',');
    b.append("\"iat\":").append(iat).append(',');
    member(b, "jti", jti).append(',');
    member(b, "htm", htm).append(',');
    member(b, "htp", htp).append(',');
    member(b, "cdg", cdg).append(',');
    if (idk != null) {
      member(b, "idk", idk).append(',');
      b.append("\"crit\":[\"iat\",\"jti\",\"htm\",\"htp\",\"cdg\",\"idk\"]}");
    } else {
      b.append("\"crit\":[\"iat\",\"jti\",\"htm\",\"htp\",\"cdg\"]}");
    }
    return b.toString();
  }

  private static StringBuilder member(StringBuilder b, String name, String value) {
    b.append('"').append(name).append("\":\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"');
  }
}
