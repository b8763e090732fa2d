package org.capillary.conformance.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies request signatures exactly as spec/SIGNING.md §6.2 says (steps 0 to 8), against the
 * connector's registered JWK Set, independently of the SDK and the gateway. Stops at the first
 * failed step. Remembers every accepted {@code jti} (step 8). Thread-safe.
 */
final class RequestSignatureVerifier {

  private static final Set<String> EXTENSIONS = Set.of("iat", "jti", "htm", "htp", "cdg", "idk");
  private static final Set<String> REQUIRED_EXTENSIONS = Set.of("iat", "jti", "htm", "htp", "cdg");
  private static final Set<String> FORBIDDEN = Set.of("jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "cty", "b64", "zip");
  private static final Set<String> ALGORITHMS = Set.of("ES256", "PS256", "EdDSA");
  private static final Pattern COMPACT = Pattern.compile("^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]*$");
  private static final Pattern JTI = Pattern.compile("^[A-Za-z0-9_-]{16,64}$");
  private static final long MAX_IAT = (1L << 53) - 1;
  private static final JsonMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final JWKSet keys;
  private final Clock clock;
  private final Duration window;
  private final Set<String> usedJtis = ConcurrentHashMap.newKeySet();

  RequestSignatureVerifier(JWKSet keys, Clock clock, Duration window) {
    this.keys = keys;
    this.clock = clock;
    this.window = window;
  }

  /** The RFC 9530 Content-Digest of a body: {@code sha-256=:BASE64(SHA-256(body)):}. */
  static String contentDigest(byte[] body) {
    return "sha-256=:" + Base64.getEncoder().encodeToString(Digests.sha256(body)) + ":";
  }

  SignatureVerification verify(String method, String target, byte[] body, boolean write,
      @Nullable String idempotencyKey, List<String> signatureLines) {
    if (signatureLines.isEmpty() || signatureLines.get(0).isBlank()) {
      return fail("SIGNATURE_MISSING", 401, "CAP-SIG-01", "no Capillary-Signature header", null);
    }
    if (signatureLines.size() > 1) {
      return fail("SIGNATURE_MALFORMED", 401, "CAP-SIG-02", "more than one Capillary-Signature field line", null);
    }
    String value = signatureLines.get(0).strip();
    if (value.length() > 8192 || !COMPACT.matcher(value).matches()) {
      return fail("SIGNATURE_MALFORMED", 401, "CAP-SIG-02", "not a detached compact JWS (<header>..<signature>)", null);
    }
    String headerPart = value.substring(0, value.indexOf(".."));
    String signaturePart = value.substring(value.indexOf("..") + 2);
    JsonNode header;
    try {
      if (headerPart.length() % 4 == 1) {
        throw new IllegalArgumentException("bad base64url length");
      }
      byte[] octets = Base64.getUrlDecoder().decode(headerPart);
      String json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(octets)).toString();
      header = STRICT.readTree(json);
    } catch (IllegalArgumentException | CharacterCodingException | JacksonException e) {
      return fail("SIGNATURE_MALFORMED", 401, "CAP-SIG-02", "the protected header is not one JSON object: " + e.getMessage(), null);
    }
    if (header == null || !header.isObject()) {
      return fail("SIGNATURE_MALFORMED", 401, "CAP-SIG-02", "the protected header is not a JSON object", null);
    }
    SignedMembers members = members(header);
    for (String name : header.propertyNames()) {
      if (FORBIDDEN.contains(name)) {
        return fail("SIGNATURE_MALFORMED", 401, "CAP-SIG-13", "forbidden header member " + name, members);
      }
    }
    if (!header.path("alg").isString() || members.kid() == null || members.kid().isEmpty()
        || !"capillary-request+jws".equals(header.path("typ").asString(null))) {
      return fail("SIGNATURE_MALFORMED", 401, "CAP-SIG-02", "alg, kid or typ missing or wrong", members);
    }
    String malformed = malformedMember(header);
    if (malformed != null) {
      return fail("SIGNATURE_MALFORMED", 401, "CAP-SIG-02", malformed, members);
    }
    String alg = header.get("alg").asString();
    if (!ALGORITHMS.contains(alg)) {
      return fail("SIGNATURE_ALGORITHM_NOT_ALLOWED", 401, "CAP-SIG-03", "alg " + alg, members);
    }
    String crit = critProblem(header);
    if (crit != null) {
      return fail("SIGNATURE_CRITICAL_HEADER", 401, "CAP-SIG-05", crit, members);
    }
    JWK key = keys.getKeyByKeyId(members.kid());
    if (key == null || key.getAlgorithm() == null || !alg.equals(key.getAlgorithm().getName()) || !fits(key, alg)) {
      return fail("SIGNATURE_KEY_UNKNOWN", 401, "CAP-SIG-04", "no registered key " + members.kid() + " for " + alg, members);
    }
    String signingInput = headerPart + "." + Base64URL.encode(body);
    if (!signatureVerifies(key, headerPart, body, signaturePart)) {
      return fail("SIGNATURE_INVALID", 401, "CAP-SIG-07",
          "does not verify over the signing input of the bytes received (" + signingInput.length() + " characters)", members);
    }
    String digest = contentDigest(body);
    if (!method.equals(members.htm())) {
      return fail("SIGNATURE_BINDING_MISMATCH", 401, "CAP-SIG-06", "htm " + members.htm() + ", request " + method, members);
    }
    if (!target.equals(members.htp())) {
      return fail("SIGNATURE_BINDING_MISMATCH", 401, "CAP-SIG-06", "htp " + members.htp() + ", request " + target, members);
    }
    if (!digest.equals(members.cdg())) {
      return fail("SIGNATURE_BINDING_MISMATCH", 401, "CAP-SIG-06", "cdg " + members.cdg() + ", body " + digest, members);
    }
    if (write && (idempotencyKey == null || !idempotencyKey.equals(members.idk()))) {
      return fail("SIGNATURE_BINDING_MISMATCH", 401, "CAP-SIG-06", "idk " + members.idk() + ", Idempotency-Key " + idempotencyKey, members);
    }
    if (!write && members.idk() != null) {
      return fail("SIGNATURE_BINDING_MISMATCH", 401, "CAP-SIG-06", "idk signed on a read", members);
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - members.iat()) > window.toSeconds()) {
      return fail("SIGNATURE_EXPIRED", 401, "CAP-SIG-08", "iat " + members.iat() + ", sandbox clock " + now, members);
    }
    if (!usedJtis.add(members.jti())) {
      return fail("SIGNATURE_REPLAYED", 403, "CAP-SIG-09", "jti " + members.jti() + " used before", members);
    }
    return new SignatureVerification(null, members);
  }

  private static SignatureVerification fail(String code, int status, String requirement, String detail,
      @Nullable SignedMembers members) {
    return new SignatureVerification(new Finding(code, status, requirement, detail), members);
  }

  private static SignedMembers members(JsonNode h) {
    JsonNode iat = h.get("iat");
    Long iatValue = iat != null && iat.isIntegralNumber() && iat.canConvertToLong() ? iat.asLong() : null;
    return new SignedMembers(text(h, "alg"), text(h, "kid"), iatValue, text(h, "jti"), text(h, "htm"),
        text(h, "htp"), text(h, "cdg"), text(h, "idk"));
  }

  private static @Nullable String text(JsonNode h, String name) {
    JsonNode v = h.get(name);
    return v != null && v.isString() ? v.asString() : null;
  }

  private static @Nullable String malformedMember(JsonNode h) {
    JsonNode iat = h.get("iat");
    if (iat != null && !(iat.isIntegralNumber() && iat.canConvertToLong() && iat.asLong() >= 0 && iat.asLong() <= MAX_IAT)) {
      return "iat is not an integer NumericDate";
    }
    JsonNode jti = h.get("jti");
    if (jti != null && !(jti.isString() && JTI.matcher(jti.asString()).matches())) {
      return "jti is not 16-64 characters of [A-Za-z0-9_-]";
    }
    for (String name : List.of("htm", "htp", "cdg", "idk")) {
      if (h.has(name) && !h.get(name).isString()) {
        return name + " is not a string";
      }
    }
    return null;
  }

  private static @Nullable String critProblem(JsonNode h) {
    JsonNode crit = h.get("crit");
    if (crit == null || !crit.isArray() || crit.isEmpty()) {
      return "crit is absent or not a non-empty array";
    }
    Set<String> listed = new HashSet<>();
    for (JsonNode n : crit) {
      if (!n.isString() || !listed.add(n.asString())) {
        return "crit holds a non-string or a repeated name";
      }
      if (!EXTENSIONS.contains(n.asString())) {
        return "crit lists " + n.asString() + ", which is not understood";
      }
      if (!h.has(n.asString())) {
        return "crit lists absent member " + n.asString();
      }
    }
    if (!listed.containsAll(REQUIRED_EXTENSIONS)) {
      return "crit omits one of iat, jti, htm, htp, cdg";
    }
    for (String name : h.propertyNames()) {
      if (!Set.of("alg", "kid", "typ", "crit").contains(name) && !listed.contains(name)) {
        return "member " + name + " is not listed in crit";
      }
    }
    return null;
  }

  private static boolean fits(JWK key, String alg) {
    return switch (alg) {
      case "ES256" -> key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
      case "PS256" -> key instanceof RSAKey rsa && rsa.size() >= 2048;
      case "EdDSA" -> key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve());
      default -> false;
    };
  }

  private static boolean signatureVerifies(JWK key, String headerPart, byte[] body, String signaturePart) {
    try {
      JWSObject jws = new JWSObject(new Base64URL(headerPart), new Payload(Base64URL.encode(body)), new Base64URL(signaturePart));
      JWSVerifier verifier;
      if (key instanceof ECKey ec) {
        verifier = new ECDSAVerifier(ec.toECPublicKey(), EXTENSIONS);
      } else if (key instanceof RSAKey rsa) {
        verifier = new RSASSAVerifier(rsa.toRSAPublicKey(), EXTENSIONS);
      } else {
        verifier = new Ed25519Verifier(((OctetKeyPair) key).toPublicJWK(), EXTENSIONS);
      }
      return jws.verify(verifier);
    } catch (JOSEException | java.text.ParseException | IllegalStateException e) {
      return false;
    }
  }
}
