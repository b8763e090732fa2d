package org.capillary.spec.signing;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * An executable model of the gateway side of spec/SIGNING.md §6 ("Verification"), written
 * straight from the text with the JDK's own JCA providers, independent of nimbus (which the
 * vector generator signs with). It reports the first failing step exactly as the gateway must,
 * so every invalid vector is proven to fail at its stated step and at no earlier one.
 *
 * <p>Not production code: no caching, no size guard beyond the header length, replay store in
 * memory.
 */
final class ReferenceVerifier {

  static final Set<String> ALLOWED_ALGS = Set.of("ES256", "PS256", "EdDSA");
  /** CAP-SIG-13: never honoured; their presence alone makes the header malformed. */
  static final Set<String> FORBIDDEN =
      Set.of("jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "cty", "b64", "zip");
  /** Members the profile defines outside crit (registered JWS header parameters). */
  static final Set<String> REGISTERED = Set.of("alg", "kid", "typ", "crit");
  /** Extension members the gateway understands; these and only these may appear in crit. */
  static final Set<String> UNDERSTOOD = Set.of("iat", "jti", "htm", "htp", "cdg", "idk");

  static final Set<String> REQUIRED_CRIT = Set.of("iat", "jti", "htm", "htp", "cdg");
  static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
  static final String TYP = "capillary-request+jws";
  static final int MAX_HEADER_FIELD_LENGTH = 8192;
  static final long MAX_NUMERIC_DATE = (1L << 53) - 1;

  private static final Pattern COMPACT_DETACHED =
      Pattern.compile("([A-Za-z0-9_-]+)\\.\\.([A-Za-z0-9_-]*)");
  private static final Pattern JTI = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  /** A key as the operator registered it: the connector it belongs to and whether it is usable. */
  record RegisteredKey(String kid, String connectorId, boolean active, JWK publicJwk) {}

  /** The request as the gateway received it. Header names are matched case-insensitively. */
  record Request(String method, String target, Map<String, String> headers, byte[] body) {
    String header(String name) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
      return null;
    }
  }

  record Mismatch(String member, String expected, String signed) {}

  /** code == null means accepted. */
  record Result(
      String code, int status, String connectorId, String signingInput, Mismatch mismatch) {
    boolean accepted() {
      return code == null;
    }

    static Result reject(String code, int status) {
      return new Result(code, status, null, null, null);
    }
  }

  private final Map<String, RegisteredKey> registry;
  private final long maxSkewSeconds;
  private final long replayWindowSeconds;
  private final Map<String, Long> seenJti = new HashMap<>();

  ReferenceVerifier(Map<String, RegisteredKey> registry, long maxSkewSeconds, long replayWindow) {
    this.registry = Map.copyOf(registry);
    this.maxSkewSeconds = maxSkewSeconds;
    this.replayWindowSeconds = replayWindow;
  }

  Result verify(Request req, long now) {
    boolean write = WRITE_METHODS.contains(req.method());
    String bodyDigest = SigningVectorSupport.contentDigest(req.body());

    // Guard (before the signature, §6.1)
    if (write) {
      String ik = req.header("Idempotency-Key");
      if (ik == null || !IDEMPOTENCY_KEY.matcher(ik).matches()) {
        return Result.reject("IDEMPOTENCY_KEY_MISSING", 400);
      }
    }
    String cd = req.header("Content-Digest");
    if (cd != null && !ows(cd).equals(bodyDigest)) {
      return Result.reject("CONTENT_DIGEST_MISMATCH", 400);
    }

    // Step 0: presence (CAP-SIG-01)
    String value = req.header("Capillary-Signature");
    if (value == null || ows(value).isEmpty()) {
      return Result.reject("SIGNATURE_MISSING", 401);
    }
    value = ows(value);

    // Step 1: parse (CAP-SIG-02, CAP-SIG-13)
    if (value.length() > MAX_HEADER_FIELD_LENGTH) {
      return Result.reject("SIGNATURE_MALFORMED", 401);
    }
    var m = COMPACT_DETACHED.matcher(value);
    if (!m.matches()) {
      return Result.reject("SIGNATURE_MALFORMED", 401);
    }
    String headerPart = m.group(1);
    String signaturePart = m.group(2);
    JsonNode header;
    try {
      byte[] headerBytes = SigningVectorSupport.b64urlDecode(headerPart);
      String json =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(headerBytes))
              .toString();
      header = SigningVectorSupport.STRICT_JSON.readTree(json);
    } catch (CharacterCodingException | RuntimeException e) { // bad base64url, UTF-8 or JSON
      return Result.reject("SIGNATURE_MALFORMED", 401);
    }
    if (header == null || !header.isObject()) {
      return Result.reject("SIGNATURE_MALFORMED", 401);
    }
    for (String name : header.propertyNames()) {
      if (FORBIDDEN.contains(name)) {
        return Result.reject("SIGNATURE_MALFORMED", 401);
      }
    }
    if (!isString(header, "alg")
        || !isString(header, "kid")
        || header.get("kid").stringValue().isEmpty()
        || !isString(header, "typ")
        || !TYP.equals(header.get("typ").stringValue())) {
      return Result.reject("SIGNATURE_MALFORMED", 401);
    }
    JsonNode iatNode = header.get("iat");
    if (iatNode != null
        && (!iatNode.isIntegralNumber()
            || !iatNode.canConvertToLong()
            || iatNode.longValue() < 0
            || iatNode.longValue() > MAX_NUMERIC_DATE)) {
      return Result.reject("SIGNATURE_MALFORMED", 401);
    }
    JsonNode jtiNode = header.get("jti");
    if (jtiNode != null && (!jtiNode.isString() || !JTI.matcher(jtiNode.stringValue()).matches())) {
      return Result.reject("SIGNATURE_MALFORMED", 401);
    }
    for (String name : List.of("htm", "htp", "cdg", "idk")) {
      if (header.has(name) && !isString(header, name)) {
        return Result.reject("SIGNATURE_MALFORMED", 401);
      }
    }

    // From here on the gateway can show the signing input it computed (CAP-SIG-18).
    String signingInput = headerPart + "." + SigningVectorSupport.b64url(req.body());
    String alg = header.get("alg").stringValue();
    String kid = header.get("kid").stringValue();

    // Step 2: algorithm (CAP-SIG-03)
    if (!ALLOWED_ALGS.contains(alg)) {
      return new Result("SIGNATURE_ALGORITHM_NOT_ALLOWED", 401, null, signingInput, null);
    }

    // Step 3: crit (CAP-SIG-05)
    if (!critOk(header)) {
      return new Result("SIGNATURE_CRITICAL_HEADER", 401, null, signingInput, null);
    }

    // Step 4: key (CAP-SIG-04)
    RegisteredKey key = registry.get(kid);
    if (key == null || !key.active() || !keyFitsAlg(key.publicJwk(), alg)) {
      return new Result("SIGNATURE_KEY_UNKNOWN", 401, null, signingInput, null);
    }

    // Step 5: signature (CAP-SIG-07)
    if (!signatureVerifies(
        key.publicJwk(), alg, signingInput.getBytes(StandardCharsets.US_ASCII), signaturePart)) {
      return new Result("SIGNATURE_INVALID", 401, null, signingInput, null);
    }
    String connector = key.connectorId();

    // Step 6: bindings (CAP-SIG-06), first difference in the order htm, htp, cdg, idk
    Mismatch mismatch = null;
    String expectedIdk = write ? req.header("Idempotency-Key") : null;
    if (!req.method().equals(text(header, "htm"))) {
      mismatch = new Mismatch("htm", req.method(), text(header, "htm"));
    } else if (!req.target().equals(text(header, "htp"))) {
      mismatch = new Mismatch("htp", req.target(), text(header, "htp"));
    } else if (!bodyDigest.equals(text(header, "cdg"))) {
      mismatch = new Mismatch("cdg", bodyDigest, text(header, "cdg"));
    } else if (!java.util.Objects.equals(expectedIdk, text(header, "idk"))) {
      mismatch = new Mismatch("idk", expectedIdk, text(header, "idk"));
    }
    if (mismatch != null) {
      return new Result("SIGNATURE_BINDING_MISMATCH", 401, connector, signingInput, mismatch);
    }

    // Step 7: issued-at window (CAP-SIG-08), inclusive bounds
    long iat = header.get("iat").longValue();
    if (Math.abs(now - iat) > maxSkewSeconds) {
      return new Result("SIGNATURE_EXPIRED", 401, connector, signingInput, null);
    }

    // Step 8: replay (CAP-SIG-09); the jti is consumed as soon as steps 1-7 pass.
    String replayKey = connector + "\u0000" + header.get("jti").stringValue();
    Long seenAt = seenJti.get(replayKey);
    if (seenAt != null && now - seenAt < replayWindowSeconds) {
      return new Result("SIGNATURE_REPLAYED", 403, connector, signingInput, null);
    }
    seenJti.put(replayKey, now);
    return new Result(null, 0, connector, signingInput, null);
  }

  private static boolean critOk(JsonNode header) {
    JsonNode crit = header.get("crit");
    if (crit == null || !crit.isArray() || crit.isEmpty()) {
      return false;
    }
    Set<String> listed = new HashSet<>();
    for (JsonNode n : crit) {
      if (!n.isString() || !listed.add(n.stringValue())) {
        return false; // not a string, or listed twice
      }
    }
    for (String name : listed) {
      if (!UNDERSTOOD.contains(name) || !header.has(name)) {
        return false; // not understood (includes registered names), or absent
      }
    }
    for (String name : header.propertyNames()) {
      if (!REGISTERED.contains(name) && !listed.contains(name)) {
        return false; // an extension member present but not listed
      }
    }
    return listed.containsAll(REQUIRED_CRIT);
  }

  private static boolean keyFitsAlg(JWK jwk, String alg) {
    if (jwk.getAlgorithm() == null || !alg.equals(jwk.getAlgorithm().getName())) {
      return false;
    }
    switch (alg) {
      case "ES256":
        return jwk instanceof ECKey ec && "P-256".equals(ec.getCurve().getName());
      case "PS256":
        return jwk instanceof RSAKey rsa && rsa.size() >= 2048;
      case "EdDSA":
        return jwk instanceof OctetKeyPair okp && "Ed25519".equals(okp.getCurve().getName());
      default:
        return false;
    }
  }

  static boolean signatureVerifies(JWK jwk, String alg, byte[] input, String signaturePart) {
    try {
      byte[] sig = SigningVectorSupport.b64urlDecode(signaturePart);
      Signature verifier;
      PublicKey publicKey;
      switch (alg) {
        case "ES256":
          if (sig.length != 64) {
            return false;
          }
          verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
          publicKey = ((ECKey) jwk).toECPublicKey();
          break;
        case "PS256":
          RSAPublicKey rsa = ((RSAKey) jwk).toRSAPublicKey();
          if (sig.length != (rsa.getModulus().bitLength() + 7) / 8) {
            return false;
          }
          verifier = Signature.getInstance("RSASSA-PSS");
          verifier.setParameter(
              new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
          publicKey = rsa;
          break;
        case "EdDSA":
          if (sig.length != 64) {
            return false;
          }
          verifier = Signature.getInstance("Ed25519");
          publicKey = ed25519PublicKey(((OctetKeyPair) jwk).getDecodedX());
          break;
        default:
          return false;
      }
      verifier.initVerify(publicKey);
      verifier.update(input);
      return verifier.verify(sig);
    } catch (GeneralSecurityException | IllegalArgumentException | com.nimbusds.jose.JOSEException e) {
      return false;
    }
  }

  static PublicKey ed25519PublicKey(byte[] x) throws GeneralSecurityException {
    byte[] prefix = SigningVectorSupport.hex("302a300506032b6570032100");
    byte[] spki = new byte[prefix.length + x.length];
    System.arraycopy(prefix, 0, spki, 0, prefix.length);
    System.arraycopy(x, 0, spki, prefix.length, x.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }

  private static boolean isString(JsonNode header, String name) {
    JsonNode n = header.get(name);
    return n != null && n.isString();
  }

  private static String text(JsonNode header, String name) {
    JsonNode n = header.get(name);
    return n == null ? null : n.stringValue();
  }

  /** Optional whitespace around an HTTP field value (RFC 9110 §5.5). */
  private static String ows(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
      b++;
    }
    while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
      e--;
    }
    return s.substring(b, e);
  }
}
