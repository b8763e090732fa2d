package org.capillary.spec.signing;

import static org.capillary.spec.signing.SigningVectorSupport.STRICT_JSON;
import static org.capillary.spec.signing.SigningVectorSupport.b64std;
import static org.capillary.spec.signing.SigningVectorSupport.b64url;
import static org.capillary.spec.signing.SigningVectorSupport.contentDigest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes spec/vectors/signing: the TEST ONLY keys (generated once, then reused), one file per
 * vector under cases/, the receipt examples under receipts/ and index.json.
 *
 * <p>Deterministic given the keys, except the ES256 and PS256 signature bytes (randomised by
 * those algorithms). Every case is run through {@link ReferenceVerifier} before anything is
 * written; a case whose outcome differs from its stated expectation stops the generator.
 *
 * <p>Run from /work/main (see spec/vectors/signing/README.md):
 *
 * <pre>
 * java -cp "$TEST_CLASSPATH" org.capillary.spec.signing.SigningVectorGenerator spec/vectors/signing
 * </pre>
 */
public final class SigningVectorGenerator {

  static final String CONNECTOR_A = "test-connector-a";
  static final String CONNECTOR_B = "test-connector-b";
  static final String TEST_ONLY =
      "TEST ONLY - published test key of the Capillary signing vectors; never register or trust it"
          + " outside tests.";

  /** 2026-03-02T09:30:00+08:00, the gateway clock of every vector unless a case says otherwise. */
  static final long T = Instant.parse("2026-03-02T01:30:00Z").getEpochSecond();

  static final long VERIFY_AT = T + 2;
  static final String PROJECT_PATH = "/v1/projects/FT-2026-000123";

  private final Path dir;
  private final Map<String, JWK> privateKeys = new LinkedHashMap<>();
  private final List<ObjectNode> written = new ArrayList<>();
  private ReferenceVerifierFactory verifiers;

  interface ReferenceVerifierFactory {
    ReferenceVerifier create();
  }

  private SigningVectorGenerator(Path dir) {
    this.dir = dir;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "spec/vectors/signing");
    new SigningVectorGenerator(dir).run();
  }

  private void run() throws Exception {
    Files.createDirectories(dir.resolve("keys"));
    Files.createDirectories(dir.resolve("cases"));
    try (Stream<Path> old = Files.list(dir.resolve("cases"))) {
      for (Path p : (Iterable<Path>) old::iterator) {
        Files.delete(p);
      }
    }
    keys();
    Map<String, ReferenceVerifier.RegisteredKey> registry = SigningVectorSupport.readRegistry(dir);
    verifiers = () -> new ReferenceVerifier(registry, 300, 86_400);
    cases();
    receipts();
    index();
    System.out.println("wrote " + written.size() + " vectors to " + dir.toAbsolutePath());
  }

  // ------------------------------------------------------------------------------------ keys

  private record KeySpec(
      String kid, String alg, String connectorId, String status, boolean registered) {}

  private static final List<KeySpec> KEYS =
      List.of(
          new KeySpec("test-es256-1", "ES256", CONNECTOR_A, "ACTIVE", true),
          new KeySpec("test-ps256-1", "PS256", CONNECTOR_A, "ACTIVE", true),
          new KeySpec("test-ed25519-1", "EdDSA", CONNECTOR_A, "ACTIVE", true),
          new KeySpec("test-es256-revoked", "ES256", CONNECTOR_A, "REVOKED", true),
          new KeySpec("test-es256-b1", "ES256", CONNECTOR_B, "ACTIVE", true),
          new KeySpec("test-es256-unregistered", "ES256", null, null, false),
          new KeySpec("test-gateway-ed25519-1", "EdDSA", null, null, false));

  private void keys() throws Exception {
    Path keys = dir.resolve("keys");
    for (KeySpec spec : KEYS) {
      Path privateFile = keys.resolve(spec.kid() + ".private.jwk.json");
      JWK jwk;
      if (Files.exists(privateFile)) {
        jwk = SigningVectorSupport.readJwk(privateFile);
      } else {
        jwk = generate(spec);
      }
      privateKeys.put(spec.kid(), jwk);
      SigningVectorSupport.writeJson(privateFile, jwkJson(jwk, true));
      SigningVectorSupport.writeJson(
          keys.resolve(spec.kid() + ".public.jwk.json"), jwkJson(jwk.toPublicJWK(), true));
    }
    ObjectNode registry = STRICT_JSON.createObjectNode();
    registry.put("note", TEST_ONLY);
    registry.put(
        "description",
        "The gateway's key registry for the vectors: which connector each kid belongs to and"
            + " whether key and connector are active. test-es256-unregistered (an attacker's key)"
            + " and test-gateway-ed25519-1 (the gateway's receipt key) are deliberately absent.");
    ArrayNode list = registry.putArray("keys");
    Map<String, ArrayNode> jwks = new LinkedHashMap<>();
    for (KeySpec spec : KEYS) {
      if (!spec.registered()) {
        continue;
      }
      ObjectNode k = list.addObject();
      k.put("kid", spec.kid());
      k.put("alg", spec.alg());
      k.put("connectorId", spec.connectorId());
      k.put("connectorStatus", "ACTIVE");
      k.put("status", spec.status());
      k.put("publicJwk", spec.kid() + ".public.jwk.json");
      jwks.computeIfAbsent(spec.connectorId(), c -> STRICT_JSON.createArrayNode())
          .add(jwkJson(privateKeys.get(spec.kid()).toPublicJWK(), false));
    }
    SigningVectorSupport.writeJson(keys.resolve("registry.json"), registry);
    for (Map.Entry<String, ArrayNode> e : jwks.entrySet()) {
      ObjectNode set = STRICT_JSON.createObjectNode();
      set.set("keys", e.getValue());
      SigningVectorSupport.writeJson(keys.resolve(e.getKey() + ".jwks.json"), set);
    }
    ObjectNode gateway = STRICT_JSON.createObjectNode();
    gateway
        .putArray("keys")
        .add(jwkJson(privateKeys.get("test-gateway-ed25519-1").toPublicJWK(), false));
    SigningVectorSupport.writeJson(keys.resolve("gateway.jwks.json"), gateway);
  }

  private static JWK generate(KeySpec spec) throws JOSEException {
    switch (spec.alg()) {
      case "ES256":
        return new ECKeyGenerator(Curve.P_256)
            .keyID(spec.kid())
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.ES256)
            .generate();
      case "PS256":
        return new RSAKeyGenerator(2048)
            .keyID(spec.kid())
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.PS256)
            .generate();
      case "EdDSA":
        return new OctetKeyPairGenerator(Curve.Ed25519)
            .keyID(spec.kid())
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.EdDSA)
            .generate();
      default:
        throw new IllegalArgumentException(spec.alg());
    }
  }

  private static final List<String> JWK_ORDER =
      List.of("kty", "crv", "kid", "use", "alg", "x", "y", "n", "e", "d", "p", "q", "dp", "dq", "qi");

  /** A JWK with members in a fixed order, optionally with the TEST ONLY note. */
  private static ObjectNode jwkJson(JWK jwk, boolean withNote) {
    Map<String, Object> members = jwk.toJSONObject();
    ObjectNode out = STRICT_JSON.createObjectNode();
    for (String name : JWK_ORDER) {
      if (members.containsKey(name)) {
        out.put(name, members.get(name).toString());
      }
    }
    if (withNote) {
      out.put("x-capillary-note", TEST_ONLY);
    }
    return out;
  }

  // ----------------------------------------------------------------------------------- cases

  /** One request and how it was signed; the defaults make a valid ES256 POST. */
  private final class Case {
    String id;
    String description;
    final List<String> requirements = new ArrayList<>();
    String alg = "ES256";
    String kid = "test-es256-1";
    String signedWith; // private key kid, "none", or "hmac"; null = same as kid
    String method = "POST";
    String path = PROJECT_PATH + "/inspections";
    byte[] body = INSPECTION;
    String contentType = "application/json";
    Map<String, String> extraHeaders = new LinkedHashMap<>();
    String idempotencyKey = "6a1f4f2e-2c1d-4f3b-8e0a-9b7c5d3e1f20";
    boolean sendIdempotencyKey = true;
    boolean sendContentDigest = true;
    String contentDigestHeader; // null = the body's digest
    long iat = T;
    long verifyAt = VERIFY_AT;
    String jti = "3f0c7a52-8f0e-4c1b-9a55-2d9e8b1c6f47";
    /** The protected header as a member map, built by {@link #defaultHeader()} then edited. */
    Map<String, Object> header;
    String rawHeaderJson; // wins over header
    byte[] signedBody; // body the signer used; null = body
    boolean unencodedPayload; // b64=false signing input
    byte[] hmacSecret;
    String signatureValue; // the complete field value, overriding the computed one
    boolean sendSignature = true;
    Consumer<Map<String, Object>> edit = h -> {};
    // expectation
    boolean valid = true;
    String code;
    int status;
    String reason;
    String mismatchMember;
    String connectors; // note on the connector map (kid of another connector)
    List<Case> before = new ArrayList<>();

    Case(String id, String description, String... reqs) {
      this.id = id;
      this.description = description;
      this.requirements.addAll(List.of(reqs));
    }

    Case invalid(String code, int status, String reason) {
      this.valid = false;
      this.code = code;
      this.status = status;
      this.reason = reason;
      return this;
    }

    boolean write() {
      return ReferenceVerifier.WRITE_METHODS.contains(method);
    }

    Map<String, Object> defaultHeader(String htm, String htp, byte[] cdgBody, String idk) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("alg", alg);
      h.put("typ", ReferenceVerifier.TYP);
      h.put("kid", kid);
      h.put("iat", iat);
      h.put("jti", jti);
      h.put("htm", htm);
      h.put("htp", htp);
      h.put("cdg", contentDigest(cdgBody));
      List<String> crit = new ArrayList<>(List.of("iat", "jti", "htm", "htp", "cdg"));
      if (idk != null) {
        h.put("idk", idk);
        crit.add("idk");
      }
      h.put("crit", crit);
      return h;
    }
  }

  private String headerJson(Case c) {
    if (c.rawHeaderJson != null) {
      return c.rawHeaderJson;
    }
    Map<String, Object> h =
        c.header != null
            ? c.header
            : c.defaultHeader(
                c.method,
                c.path,
                c.signedBody != null ? c.signedBody : c.body,
                c.write() ? c.idempotencyKey : null);
    c.edit.accept(h);
    return STRICT_JSON.writeValueAsString(h);
  }

  private ObjectNode build(Case c) throws JOSEException {
    String headerJson = headerJson(c);
    String headerB64 = b64url(headerJson.getBytes(StandardCharsets.UTF_8));
    byte[] signedBody = c.signedBody != null ? c.signedBody : c.body;
    byte[] input;
    if (c.unencodedPayload) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes((headerB64 + ".").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(signedBody);
      input = out.toByteArray();
    } else {
      input = SigningVectorSupport.signingInput(headerB64, signedBody)
          .getBytes(StandardCharsets.US_ASCII);
    }
    String signature = sign(c, input);
    String value = c.signatureValue != null ? c.signatureValue : headerB64 + ".." + signature;

    ObjectNode v = STRICT_JSON.createObjectNode();
    v.put("id", c.id);
    v.put("description", c.description);
    v.put("valid", c.valid);
    ArrayNode reqs = v.putArray("requirements");
    c.requirements.forEach(reqs::add);
    v.put("verifyAt", c.verifyAt);
    v.put("key", c.kid);
    v.put("signedWith", c.signedWith != null ? c.signedWith : c.kid);
    if (c.hmacSecret != null) {
      v.put("hmacSecretText", new String(c.hmacSecret, StandardCharsets.US_ASCII));
    }
    if (c.connectors != null) {
      ObjectNode map = v.putObject("connectors");
      map.put("note", c.connectors);
      map.put("test-es256-1", CONNECTOR_A);
      map.put("test-es256-b1", CONNECTOR_B);
    }
    v.set("request", request(c, value));
    v.put("protectedHeaderJson", headerJson);
    v.put("protectedHeaderB64", headerB64);
    v.put("bodyB64url", b64url(signedBody));
    if (c.unencodedPayload) {
      v.putNull("signingInput");
      v.put("signingInputNote", "b64=false: header part, '.', then the raw body bytes");
    } else {
      v.put("signingInput", new String(input, StandardCharsets.US_ASCII));
    }
    v.put("contentDigest", contentDigest(c.body));
    v.put("signature", c.sendSignature ? value : null);
    if (!c.before.isEmpty()) {
      ArrayNode before = v.putArray("before");
      for (Case b : c.before) {
        before.add(build(b).get("request"));
      }
    }
    ObjectNode expect = v.putObject("expect");
    // Run it through the model of the gateway and record what the problem document must carry.
    ReferenceVerifier verifier = verifiers.create();
    for (Case b : c.before) {
      ReferenceVerifier.Result r =
          verifier.verify(SigningVectorSupport.request(build(b).get("request")), b.verifyAt);
      check(r.accepted(), c.id + ": prior request not accepted: " + r.code());
    }
    ReferenceVerifier.Result r =
        verifier.verify(SigningVectorSupport.request(v.get("request")), c.verifyAt);
    if (c.valid) {
      check(r.accepted(), c.id + ": expected acceptance, reference verifier said " + r.code());
      expect.put("accepted", true);
      expect.put("connectorId", r.connectorId());
    } else {
      check(c.code.equals(r.code()), c.id + ": expected " + c.code + " but got " + r.code());
      check(c.status == r.status(), c.id + ": status");
      expect.put("accepted", false);
      expect.put("status", c.status);
      expect.put("code", c.code);
      expect.put("reason", c.reason);
      if (r.signingInput() != null) {
        expect.put("signingInput", r.signingInput());
      }
      if (c.mismatchMember != null) {
        check(
            r.mismatch() != null && c.mismatchMember.equals(r.mismatch().member()),
            c.id + ": mismatch member " + r.mismatch());
        ObjectNode mm = expect.putObject("mismatch");
        mm.put("member", r.mismatch().member());
        mm.put("expected", r.mismatch().expected());
        mm.put("signed", r.mismatch().signed());
      }
    }
    return v;
  }

  private ObjectNode request(Case c, String signatureValue) {
    ObjectNode req = STRICT_JSON.createObjectNode();
    req.put("method", c.method);
    req.put("path", c.path);
    ObjectNode headers = req.putObject("headers");
    if (c.contentType != null) {
      headers.put("Content-Type", c.contentType);
    }
    if (c.write() && c.sendIdempotencyKey) {
      headers.put("Idempotency-Key", c.idempotencyKey);
    }
    if (c.sendContentDigest) {
      headers.put(
          "Content-Digest",
          c.contentDigestHeader != null ? c.contentDigestHeader : contentDigest(c.body));
    }
    c.extraHeaders.forEach(headers::put);
    if (c.sendSignature) {
      headers.put("Capillary-Signature", signatureValue);
    }
    req.put("bodyBase64", b64std(c.body));
    String text = utf8Text(c.body, c.contentType);
    if (text == null) {
      req.putNull("bodyText");
    } else {
      req.put("bodyText", text);
    }
    return req;
  }

  private static String utf8Text(byte[] body, String contentType) {
    if (contentType == null || !contentType.startsWith("application/json")) {
      return body.length == 0 ? "" : null;
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  private String sign(Case c, byte[] input) throws JOSEException {
    String with = c.signedWith != null ? c.signedWith : c.kid;
    if ("none".equals(with)) {
      return "";
    }
    if ("hmac".equals(with)) {
      return new MACSigner(c.hmacSecret).sign(new JWSHeader(JWSAlgorithm.HS256), input).toString();
    }
    JWK key = privateKeys.get(with);
    if (key == null) {
      throw new IllegalArgumentException(c.id + ": no private key " + with);
    }
    JWSHeader alg = new JWSHeader(JWSAlgorithm.parse(c.alg));
    if (key instanceof ECKey ec) {
      return new ECDSASigner(ec).sign(alg, input).toString();
    } else if (key instanceof RSAKey rsa) {
      return new RSASSASigner(rsa).sign(alg, input).toString();
    } else {
      return new Ed25519Signer((OctetKeyPair) key).sign(alg, input).toString();
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  private void emit(Case c) throws JOSEException {
    ObjectNode v = build(c);
    written.add(v);
    SigningVectorSupport.writeJson(dir.resolve("cases").resolve(c.id + ".json"), v);
  }

  // ------------------------------------------------------------------------------------ bodies

  static final String PHOTO_SHA256 =
      SigningVectorSupport.toHex(
          SigningVectorSupport.sha256(
              "photo MED-7781 (stand-in bytes)".getBytes(StandardCharsets.US_ASCII)));

  static final byte[] INSPECTION =
      ("{\"inspectionId\":\"INS-2026-0042\",\"type\":\"FIRST_KEY_HAZARD\","
              + "\"startedAt\":\"2026-03-02T09:05:00+08:00\",\"endedAt\":\"2026-03-02T09:28:00+08:00\","
              + "\"inspectorIds\":[\"P-0107\"],\"results\":["
              + "{\"itemCode\":\"HELMET_USE\",\"outcome\":\"PASS\"},"
              + "{\"itemCode\":\"SCAFFOLD_PLATFORM_STABILITY\",\"outcome\":\"FAIL\","
              + "\"note\":\"Toe board missing on level 2\","
              + "\"media\":[{\"mediaId\":\"MED-7781\",\"sha256\":\""
              + PHOTO_SHA256
              + "\"}]}]}")
          .getBytes(StandardCharsets.UTF_8);

  static final byte[] HAZARD_ZH =
      ("{\"hazardId\":\"HZ-2026-0007\",\"category\":\"TEMP_ELECTRICITY\",\"grade\":\"GENERAL\","
              + "\"description\":\"二层配电箱未接地，电缆拖地敷设\","
              + "\"location\":\"福田区南园街道 2号楼 2层\","
              + "\"rectificationDeadline\":\"2026-03-04T18:00:00+08:00\"}")
          .getBytes(StandardCharsets.UTF_8);

  static final byte[] EMPTY = new byte[0];

  /** A tus chunk: the first 48 bytes of a JPEG-like file (binary, not UTF-8). */
  static final byte[] CHUNK;

  static {
    CHUNK = new byte[48];
    byte[] head = SigningVectorSupport.hex("ffd8ffe000104a46494600010101004800480000ffdb0043");
    System.arraycopy(head, 0, CHUNK, 0, head.length);
    for (int i = head.length; i < CHUNK.length; i++) {
      CHUNK[i] = (byte) (i * 37 + 11);
    }
  }

  private static byte[] tampered(byte[] body) {
    return new String(body, StandardCharsets.UTF_8)
        .replace("\"outcome\":\"FAIL\"", "\"outcome\":\"PASS\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] prettyReserialised(byte[] body) {
    JsonNode n = STRICT_JSON.readTree(body);
    return STRICT_JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
  }

  private String publicPem(String kid) throws JOSEException {
    byte[] spki = ((RSAKey) privateKeys.get(kid)).toRSAPublicKey().getEncoded();
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(spki);
    return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
  }

  // ------------------------------------------------------------------------------ the vectors

  private void cases() throws Exception {
    // ---- valid ----
    Case c = new Case(
        "valid-eddsa-post-inspection",
        "The worked example of SIGNING.md §9: an inspection record POSTed with an Ed25519 signature."
            + " Ed25519 is deterministic, so a signer given this key and header must reproduce the"
            + " signature byte for byte.",
        "CAP-SIG-11", "CAP-SIG-12", "CAP-SIG-14");
    c.alg = "EdDSA";
    c.kid = "test-ed25519-1";
    c.jti = "01JNKQ8W3H5V7Z2M4X6C8B0D1E";
    c.idempotencyKey = "9b2f6c1e-4a7d-4e0b-8f3a-5d1c2b7e9a40";
    c.extraHeaders.put("X-Request-Id", "req-7f3a9c");
    emit(c);

    c = new Case(
        "valid-es256-post-inspection",
        "The same kind of POST signed with ES256 (P-256); the signature is R||S, 64 bytes. ECDSA is"
            + " randomised: check by verifying, not by comparing bytes.",
        "CAP-SIG-11", "CAP-SIG-12", "CAP-SIG-14");
    emit(c);

    c = new Case(
        "valid-ps256-post-inspection",
        "The same kind of POST signed with PS256 (RSASSA-PSS, SHA-256, MGF1-SHA-256, salt 32) and"
            + " a 2048-bit key; the signature is 256 bytes. Randomised: verify, don't compare.",
        "CAP-SIG-11", "CAP-SIG-12", "CAP-SIG-14");
    c.alg = "PS256";
    c.kid = "test-ps256-1";
    c.jti = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
    c.idempotencyKey = "d7c5a3e1-0f2b-4d6a-9c8e-1b3d5f7a9c0e";
    emit(c);

    c = new Case(
        "valid-es256-get-empty-body",
        "A GET: empty body, so the signing input ends with '.', cdg is the digest of zero bytes,"
            + " and idk is absent (no Idempotency-Key on reads).",
        "CAP-SIG-11", "CAP-SIG-12");
    c.method = "GET";
    c.path = PROJECT_PATH + "/obligations?status=PENDING&limit=50";
    c.body = EMPTY;
    c.contentType = null;
    c.sendContentDigest = false;
    c.jti = "01JNKQA2C4E6G8J0K2M4P6R8S0";
    emit(c);

    c = new Case(
        "valid-eddsa-post-utf8-chinese-body",
        "A body with non-ASCII UTF-8 (Chinese text, sent raw, not \\u-escaped): the digest and the"
            + " base64url are over the UTF-8 bytes.",
        "CAP-SIG-11");
    c.alg = "EdDSA";
    c.kid = "test-ed25519-1";
    c.path = PROJECT_PATH + "/hazards";
    c.body = HAZARD_ZH;
    c.jti = "01JNKQB5D7F9H1K3M5N7Q9S1T3";
    c.idempotencyKey = "f0e1d2c3-b4a5-4968-8776-655443322110";
    emit(c);

    c = new Case(
        "valid-eddsa-get-percent-encoded-path",
        "htp is the request target exactly as sent: the ':' of the inspection id is percent-encoded"
            + " (%3A) and the query keeps %2C; nothing is decoded or normalised.",
        "CAP-SIG-12", "CAP-SIG-06");
    c.alg = "EdDSA";
    c.kid = "test-ed25519-1";
    c.method = "GET";
    c.path = PROJECT_PATH + "/inspections/INS%3A2026%3A0042?fields=results%2Cstatus";
    c.body = EMPTY;
    c.contentType = null;
    c.sendContentDigest = false;
    c.jti = "01JNKQC6E8G0J2L4N6Q8S0T2V4";
    emit(c);

    c = new Case(
        "valid-ps256-delete-empty-body",
        "A DELETE is a write: empty body (cdg of zero bytes) but idk is still required.",
        "CAP-SIG-12");
    c.alg = "PS256";
    c.kid = "test-ps256-1";
    c.method = "DELETE";
    c.path = "/v1/subscriptions/SUB-0003";
    c.body = EMPTY;
    c.contentType = null;
    c.sendContentDigest = false;
    c.jti = "0b8e6f4a-2c1d-4e3f-a5b6-c7d8e9f0a1b2";
    c.idempotencyKey = "del-SUB-0003-2026-03-02";
    emit(c);

    c = new Case(
        "valid-eddsa-tus-patch-binary-chunk",
        "A tus PATCH carrying a binary chunk (application/offset+octet-stream): the signing input"
            + " holds the base64url of the raw bytes; tus headers are not signed.",
        "CAP-SIG-11");
    c.alg = "EdDSA";
    c.kid = "test-ed25519-1";
    c.method = "PATCH";
    c.path = "/v1/media/uploads/UPL-01JNKR0Q3S5V7X9Z1B3D5F7H9K";
    c.body = CHUNK;
    c.contentType = "application/offset+octet-stream";
    c.extraHeaders.put("Tus-Resumable", "1.0.0");
    c.extraHeaders.put("Upload-Offset", "0");
    c.jti = "01JNKQD7F9H1K3M5P7R9T1W3X5";
    c.idempotencyKey = "UPL-01JNKR0Q3S5V7X9Z1B3D5F7H9K@0";
    emit(c);

    c = new Case(
        "valid-es256-head-tus-offset",
        "A tus HEAD (resume): no body, no idk, like a GET.",
        "CAP-SIG-12");
    c.method = "HEAD";
    c.path = "/v1/media/uploads/UPL-01JNKR0Q3S5V7X9Z1B3D5F7H9K";
    c.body = EMPTY;
    c.contentType = null;
    c.sendContentDigest = false;
    c.extraHeaders.put("Tus-Resumable", "1.0.0");
    c.jti = "01JNKQE8G0J2L4N6Q8S0V2W4Y6";
    emit(c);

    c = new Case(
        "valid-es256-header-member-order-and-whitespace",
        "Member order and insignificant whitespace in the protected header are free: the verifier"
            + " uses the header bytes as sent and never re-serialises them.",
        "CAP-SIG-11", "CAP-SIG-12");
    c.jti = "5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170";
    c.idempotencyKey = "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d";
    c.rawHeaderJson =
        "{\"crit\": [\"idk\", \"cdg\", \"htp\", \"htm\", \"jti\", \"iat\"],\n"
            + " \"htp\": \"" + c.path + "\", \"htm\": \"POST\",\n"
            + " \"cdg\": \"" + contentDigest(INSPECTION) + "\", \"idk\": \"" + c.idempotencyKey
            + "\",\n \"iat\": " + T + ", \"jti\": \"" + c.jti + "\",\n"
            + " \"kid\": \"test-es256-1\", \"typ\": \"capillary-request+jws\", \"alg\": \"ES256\"}";
    emit(c);

    c = new Case(
        "valid-eddsa-iat-300s-old",
        "The issued-at window is inclusive: iat exactly 300 s before the gateway clock is accepted.",
        "CAP-SIG-08");
    c.alg = "EdDSA";
    c.kid = "test-ed25519-1";
    c.iat = VERIFY_AT - 300;
    c.jti = "01JNKQF9H1K3M5P7R9T1W3Y5Z7";
    c.idempotencyKey = "b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e";
    emit(c);

    // ---- guard and presence ----
    c = new Case("invalid-signature-missing", "A write without Capillary-Signature.", "CAP-SIG-01");
    c.sendSignature = false;
    c.jti = "01JNKR10000000000000000001";
    emit(c.invalid("SIGNATURE_MISSING", 401, "No Capillary-Signature header field."));

    c = new Case(
        "invalid-idempotency-key-header-missing",
        "A POST whose signature carries idk but whose request lacks the Idempotency-Key header:"
            + " the guard rejects it before the signature is examined.",
        "CAP-IDM-01", "CAP-SIG-16");
    c.sendIdempotencyKey = false;
    c.jti = "01JNKR10000000000000000002";
    emit(c.invalid("IDEMPOTENCY_KEY_MISSING", 400, "Writes require the Idempotency-Key header."));

    c = new Case(
        "invalid-content-digest-header-mismatch",
        "The optional Content-Digest header carries the digest in base64url without padding"
            + " instead of RFC 9530's standard base64: it does not equal the body's digest.",
        "CAP-SIG-10");
    c.jti = "01JNKR10000000000000000003";
    c.contentDigestHeader =
        "sha-256=:" + b64url(SigningVectorSupport.sha256(INSPECTION)) + ":";
    emit(c.invalid("CONTENT_DIGEST_MISMATCH", 400,
        "Content-Digest header is not sha-256=:<standard base64 of SHA-256(body)>:"));

    // ---- step 1: parse ----
    c = new Case(
        "invalid-malformed-attached-payload",
        "A normal (attached) compact JWS: the payload part is not empty.",
        "CAP-SIG-02");
    c.jti = "01JNKR10000000000000000004";
    {
      String hj = headerJson(c);
      String hb = b64url(hj.getBytes(StandardCharsets.UTF_8));
      String sig = sign(c, SigningVectorSupport.signingInput(hb, INSPECTION)
          .getBytes(StandardCharsets.US_ASCII));
      c.rawHeaderJson = hj;
      c.signatureValue = hb + "." + b64url(INSPECTION) + "." + sig;
    }
    emit(c.invalid("SIGNATURE_MALFORMED", 401, "The payload part must be empty (detached)."));

    c = new Case(
        "invalid-malformed-signature-not-base64url",
        "The signature part is standard base64 with '=' padding instead of base64url.",
        "CAP-SIG-02");
    c.jti = "01JNKR10000000000000000005";
    {
      String hj = headerJson(c);
      String hb = b64url(hj.getBytes(StandardCharsets.UTF_8));
      String sig = sign(c, SigningVectorSupport.signingInput(hb, INSPECTION)
          .getBytes(StandardCharsets.US_ASCII));
      c.rawHeaderJson = hj;
      c.signatureValue = hb + ".." + b64std(SigningVectorSupport.b64urlDecode(sig));
    }
    emit(c.invalid("SIGNATURE_MALFORMED", 401, "Characters outside the base64url alphabet."));

    c = new Case(
        "invalid-malformed-duplicate-member",
        "The protected header repeats htp (first another project's path). Parsers differ on which"
            + " one wins, so duplicates are refused outright.",
        "CAP-SIG-02");
    c.jti = "01JNKR10000000000000000006";
    c.rawHeaderJson =
        "{\"alg\":\"ES256\",\"typ\":\"capillary-request+jws\",\"kid\":\"test-es256-1\",\"iat\":" + T
            + ",\"jti\":\"" + c.jti + "\",\"htm\":\"POST\","
            + "\"htp\":\"/v1/projects/FT-2026-000999/inspections\",\"htp\":\"" + c.path + "\","
            + "\"cdg\":\"" + contentDigest(INSPECTION) + "\",\"idk\":\"" + c.idempotencyKey + "\","
            + "\"crit\":[\"iat\",\"jti\",\"htm\",\"htp\",\"cdg\",\"idk\"]}";
    emit(c.invalid("SIGNATURE_MALFORMED", 401, "Duplicate member name htp in the protected header."));

    c = new Case(
        "invalid-malformed-typ-jwt",
        "typ is \"JWT\" (a JWT library default) instead of capillary-request+jws.",
        "CAP-SIG-02");
    c.jti = "01JNKR10000000000000000007";
    c.edit = h -> h.put("typ", "JWT");
    emit(c.invalid("SIGNATURE_MALFORMED", 401, "typ must be capillary-request+jws."));

    c = new Case(
        "invalid-malformed-iat-string",
        "iat is a JSON string, not a NumericDate integer.",
        "CAP-SIG-02");
    c.jti = "01JNKR10000000000000000008";
    c.edit = h -> h.put("iat", Long.toString(T));
    emit(c.invalid("SIGNATURE_MALFORMED", 401, "iat must be a JSON integer."));

    c = new Case(
        "invalid-b64-false",
        "The OBIE-style unencoded payload (RFC 7797 b64=false, listed in crit), signed over the raw"
            + " body. This profile does not follow it: b64 is forbidden.",
        "CAP-SIG-13");
    c.jti = "01JNKR10000000000000000009";
    c.unencodedPayload = true;
    c.edit = h -> {
      Map<String, Object> copy = new LinkedHashMap<>(h);
      h.clear();
      h.put("alg", copy.remove("alg"));
      h.put("b64", false);
      h.putAll(copy);
      @SuppressWarnings("unchecked")
      List<String> crit = (List<String>) h.get("crit");
      crit.add(0, "b64");
    };
    emit(c.invalid("SIGNATURE_MALFORMED", 401, "Forbidden member b64."));

    c = new Case(
        "invalid-jwk-embedded",
        "The header embeds a public key (jwk) and is signed by that key's owner, an unregistered"
            + " party. A verifier that trusted the embedded key would accept it; keys come only"
            + " from the registered JWKS.",
        "CAP-SIG-13");
    c.jti = "01JNKR1000000000000000000A";
    c.signedWith = "test-es256-unregistered";
    c.edit = h -> h.put(
        "jwk", privateKeys.get("test-es256-unregistered").toPublicJWK().toJSONObject());
    emit(c.invalid("SIGNATURE_MALFORMED", 401, "Forbidden member jwk."));

    // ---- step 2: algorithm ----
    c = new Case("invalid-alg-none", "alg none with an empty signature part.", "CAP-SIG-03");
    c.jti = "01JNKR1000000000000000000B";
    c.alg = "none";
    c.signedWith = "none";
    emit(c.invalid("SIGNATURE_ALGORITHM_NOT_ALLOWED", 401, "alg none is never allowed."));

    c = new Case(
        "invalid-alg-hs256-public-key-as-secret",
        "Key confusion: HS256 with the PEM text of test-ps256-1's PUBLIC key (hmacSecretText, as"
            + " ASCII bytes) as the HMAC secret. A verifier that picked the algorithm from the header"
            + " would accept it.",
        "CAP-SIG-03");
    c.jti = "01JNKR1000000000000000000C";
    c.alg = "HS256";
    c.kid = "test-ps256-1";
    c.signedWith = "hmac";
    c.hmacSecret = publicPem("test-ps256-1").getBytes(StandardCharsets.US_ASCII);
    emit(c.invalid("SIGNATURE_ALGORITHM_NOT_ALLOWED", 401, "HMAC algorithms are never allowed."));

    c = new Case(
        "invalid-alg-rs256",
        "A genuine RS256 (PKCS#1 v1.5) signature by the registered RSA key: RS256 is not allowed,"
            + " only PS256.",
        "CAP-SIG-03");
    c.jti = "01JNKR1000000000000000000D";
    c.alg = "RS256";
    c.kid = "test-ps256-1";
    emit(c.invalid("SIGNATURE_ALGORITHM_NOT_ALLOWED", 401, "RS256 is not on the allow-list."));

    // ---- step 3: crit ----
    c = new Case("invalid-crit-missing", "No crit member at all.", "CAP-SIG-05");
    c.jti = "01JNKR1000000000000000000E";
    c.edit = h -> h.remove("crit");
    emit(c.invalid("SIGNATURE_CRITICAL_HEADER", 401, "crit is required."));

    c = new Case(
        "invalid-crit-unknown-member",
        "The header adds an expiry exp and lists it in crit: the gateway does not understand exp.",
        "CAP-SIG-05");
    c.jti = "01JNKR1000000000000000000F";
    c.edit = h -> {
      h.put("exp", T + 300);
      @SuppressWarnings("unchecked")
      List<String> crit = (List<String>) h.get("crit");
      crit.add("exp");
    };
    emit(c.invalid("SIGNATURE_CRITICAL_HEADER", 401, "crit lists exp, which is not understood."));

    c = new Case(
        "invalid-crit-lists-absent-member",
        "A GET whose crit lists idk although idk is absent.",
        "CAP-SIG-05");
    c.method = "GET";
    c.path = PROJECT_PATH + "/obligations?status=PENDING&limit=50";
    c.body = EMPTY;
    c.contentType = null;
    c.sendContentDigest = false;
    c.jti = "01JNKR1000000000000000000G";
    c.edit = h -> {
      @SuppressWarnings("unchecked")
      List<String> crit = (List<String>) h.get("crit");
      crit.add("idk");
    };
    emit(c.invalid("SIGNATURE_CRITICAL_HEADER", 401, "crit lists idk, which is absent."));

    c = new Case(
        "invalid-custom-member-not-in-crit",
        "An extra member traceId is present but not listed in crit.",
        "CAP-SIG-05");
    c.jti = "01JNKR1000000000000000000H";
    c.edit = h -> {
      Object crit = h.remove("crit");
      h.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
      h.put("crit", crit);
    };
    emit(c.invalid("SIGNATURE_CRITICAL_HEADER", 401, "traceId is present but not in crit."));

    // ---- step 4: key ----
    c = new Case(
        "invalid-kid-unknown",
        "kid names no registered key (the request is signed by an unregistered key).",
        "CAP-SIG-04");
    c.jti = "01JNKR1000000000000000000J";
    c.kid = "test-es256-9";
    c.signedWith = "test-es256-unregistered";
    emit(c.invalid("SIGNATURE_KEY_UNKNOWN", 401, "No key test-es256-9 in the registry."));

    c = new Case(
        "invalid-kid-revoked",
        "kid names a key of connector A that the operator has revoked (registry status REVOKED);"
            + " the signature itself is genuine.",
        "CAP-SIG-04");
    c.jti = "01JNKR1000000000000000000K";
    c.kid = "test-es256-revoked";
    emit(c.invalid("SIGNATURE_KEY_UNKNOWN", 401, "The key is not active."));

    c = new Case(
        "invalid-alg-does-not-match-key",
        "Header alg EdDSA with the kid of an ES256 key (signed with connector A's Ed25519 key):"
            + " the registered key's alg must equal the header's.",
        "CAP-SIG-04");
    c.jti = "01JNKR1000000000000000000M";
    c.alg = "EdDSA";
    c.signedWith = "test-ed25519-1";
    emit(c.invalid("SIGNATURE_KEY_UNKNOWN", 401, "Key test-es256-1 is registered for ES256."));

    // ---- step 5: signature ----
    c = new Case(
        "invalid-kid-of-another-connector",
        "Connector A signs with its own key test-es256-1 but names test-es256-b1, a key registered"
            + " to connector B (see connectors). The kid selects B's public key, which does not"
            + " verify A's signature. The gateway says only SIGNATURE_INVALID, never whose key it"
            + " was.",
        "CAP-SIG-07", "CAP-SIG-04");
    c.jti = "01JNKR1000000000000000000N";
    c.kid = "test-es256-b1";
    c.signedWith = "test-es256-1";
    c.connectors = "kid -> connectorId as registered (keys/registry.json); the connector of a"
        + " request is the owner of its kid.";
    emit(c.invalid("SIGNATURE_INVALID", 401, "The signature does not verify with the named key."));

    c = new Case(
        "invalid-body-tampered",
        "Signed over the original body; one outcome changed from FAIL to PASS in transit. The"
            + " signing input contains the body, so the signature fails before any binding check.",
        "CAP-SIG-07");
    c.jti = "01JNKR1000000000000000000P";
    c.signedBody = INSPECTION;
    c.body = tampered(INSPECTION);
    c.sendContentDigest = false;
    emit(c.invalid("SIGNATURE_INVALID", 401, "The body differs from the signed body."));

    // ---- step 6: bindings ----
    c = new Case(
        "invalid-htm-other-method",
        "Signed for POST, sent as PUT to the same path with the same body and key.",
        "CAP-SIG-06");
    c.jti = "01JNKR1000000000000000000Q";
    c.header = c.defaultHeader("POST", c.path, INSPECTION, c.idempotencyKey);
    c.method = "PUT";
    c.mismatchMember = "htm";
    emit(c.invalid("SIGNATURE_BINDING_MISMATCH", 401, "htm POST, request method PUT."));

    c = new Case(
        "invalid-htp-other-path",
        "Signed for project FT-2026-000123, sent to project FT-2026-000124.",
        "CAP-SIG-06");
    c.jti = "01JNKR1000000000000000000R";
    c.header = c.defaultHeader("POST", c.path, INSPECTION, c.idempotencyKey);
    c.path = "/v1/projects/FT-2026-000124/inspections";
    c.mismatchMember = "htp";
    emit(c.invalid("SIGNATURE_BINDING_MISMATCH", 401, "htp differs from the request target."));

    c = new Case(
        "invalid-htp-decoded-path",
        "The client signed the decoded path (INS:2026:0042) but its HTTP library sent it"
            + " percent-encoded (INS%3A2026%3A0042). htp must be what goes on the wire.",
        "CAP-SIG-06");
    c.method = "GET";
    c.body = EMPTY;
    c.contentType = null;
    c.sendContentDigest = false;
    c.jti = "01JNKR1000000000000000000S";
    c.header = c.defaultHeader("GET", PROJECT_PATH + "/inspections/INS:2026:0042", EMPTY, null);
    c.path = PROJECT_PATH + "/inspections/INS%3A2026%3A0042";
    c.mismatchMember = "htp";
    emit(c.invalid("SIGNATURE_BINDING_MISMATCH", 401, "htp is not the target as sent."));

    c = new Case(
        "invalid-cdg-mismatch",
        "The signing input holds the bytes sent, but cdg was computed over a re-serialised"
            + " (pretty-printed) copy of the same JSON.",
        "CAP-SIG-06");
    c.jti = "01JNKR1000000000000000000T";
    c.header = c.defaultHeader("POST", c.path, prettyReserialised(INSPECTION), c.idempotencyKey);
    c.sendContentDigest = false;
    c.mismatchMember = "cdg";
    emit(c.invalid("SIGNATURE_BINDING_MISMATCH", 401, "cdg is not the digest of the body."));

    c = new Case(
        "invalid-idk-mismatch",
        "idk differs from the Idempotency-Key header (the retry got a new key but reused the"
            + " signature's header).",
        "CAP-SIG-06");
    c.jti = "01JNKR1000000000000000000V";
    c.header = c.defaultHeader("POST", c.path, INSPECTION, "6a1f4f2e-2c1d-4f3b-8e0a-000000000000");
    c.mismatchMember = "idk";
    emit(c.invalid("SIGNATURE_BINDING_MISMATCH", 401, "idk differs from Idempotency-Key."));

    c = new Case(
        "invalid-idk-not-signed-on-write",
        "A POST with an Idempotency-Key header whose signature has no idk (crit consistent).",
        "CAP-SIG-06", "CAP-SIG-12");
    c.jti = "01JNKR1000000000000000000W";
    c.header = c.defaultHeader("POST", c.path, INSPECTION, null);
    c.mismatchMember = "idk";
    emit(c.invalid("SIGNATURE_BINDING_MISMATCH", 401, "Writes must sign idk."));

    // ---- step 7: time ----
    c = new Case(
        "invalid-iat-stale-301s",
        "iat 301 s before the gateway clock (window ±300 s, inclusive).",
        "CAP-SIG-08");
    c.jti = "01JNKR1000000000000000000X";
    c.iat = VERIFY_AT - 301;
    emit(c.invalid("SIGNATURE_EXPIRED", 401, "iat is 301 s in the past."));

    c = new Case(
        "invalid-iat-future-301s",
        "iat 301 s after the gateway clock (a client clock running fast).",
        "CAP-SIG-08");
    c.jti = "01JNKR1000000000000000000Y";
    c.iat = VERIFY_AT + 301;
    emit(c.invalid("SIGNATURE_EXPIRED", 401, "iat is 301 s in the future."));

    // ---- step 8: replay ----
    c = new Case(
        "invalid-jti-replayed",
        "The request of 'before' (accepted) is sent again unchanged, as a retry that does not"
            + " re-sign would: same connector, same jti within 24 h. Every attempt needs a fresh"
            + " signature (new jti and iat, same Idempotency-Key).",
        "CAP-SIG-09", "CAP-SIG-17");
    c.jti = "01JNKR1000000000000000000Z";
    Case first = new Case("first", "first attempt");
    first.jti = c.jti;
    first.verifyAt = VERIFY_AT - 1;
    // Same bytes: ES256 is randomised, so the prior request is the identical field value.
    String hj = headerJson(c);
    String hb = b64url(hj.getBytes(StandardCharsets.UTF_8));
    String value = hb + ".." + sign(c, SigningVectorSupport.signingInput(hb, INSPECTION)
        .getBytes(StandardCharsets.US_ASCII));
    c.rawHeaderJson = hj;
    c.signatureValue = value;
    first.rawHeaderJson = hj;
    first.signatureValue = value;
    c.before.add(first);
    emit(c.invalid("SIGNATURE_REPLAYED", 403, "jti already used by test-connector-a."));
  }

  // --------------------------------------------------------------------------------- receipts

  private ObjectNode worked;

  private void receipts() throws Exception {
    worked = null;
    for (ObjectNode v : written) {
      if (v.get("id").stringValue().equals("valid-eddsa-post-inspection")) {
        worked = v;
      }
    }
    JsonNode hdr = STRICT_JSON.readTree(worked.get("protectedHeaderJson").stringValue());
    OctetKeyPair gw = (OctetKeyPair) privateKeys.get("test-gateway-ed25519-1");
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("alg", "EdDSA");
    h.put("typ", "capillary-receipt+jws");
    h.put("kid", gw.getKeyID());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("iss", "cn-440304");
    p.put("sub", "SUB-01JNKQ9A7M3T5X8Y2B4D6F8H0J");
    p.put("cid", CONNECTOR_A);
    p.put("op", "createInspection");
    p.put("cdg", hdr.get("cdg").stringValue());
    p.put("seq", 1042);
    p.put("iat", VERIFY_AT + 1);
    p.put("jti", hdr.get("jti").stringValue());
    p.put("idk", hdr.get("idk").stringValue());
    String headerJson = STRICT_JSON.writeValueAsString(h);
    String payloadJson = STRICT_JSON.writeValueAsString(p);
    String input = b64url(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
        + b64url(payloadJson.getBytes(StandardCharsets.UTF_8));
    String sig = new Ed25519Signer(gw)
        .sign(new JWSHeader(JWSAlgorithm.EdDSA), input.getBytes(StandardCharsets.US_ASCII))
        .toString();
    String receipt = input + "." + sig;

    ObjectNode r = STRICT_JSON.createObjectNode();
    r.put("id", "receipt-valid-eddsa-post-inspection");
    r.put("description",
        "The receipt the gateway returns (201) for the worked example, signed with the gateway's"
            + " TEST key test-gateway-ed25519-1 (keys/gateway.jwks.json). Ed25519: deterministic.");
    r.put("valid", true);
    r.putArray("requirements").add("CAP-SIG-19").add("CAP-SIG-20");
    r.put("forRequest", "valid-eddsa-post-inspection");
    r.put("gatewayJwks", "keys/gateway.jwks.json");
    r.put("protectedHeaderJson", headerJson);
    r.put("payloadJson", payloadJson);
    r.put("receipt", receipt);
    ObjectNode body = r.putObject("responseBody");
    body.put("submissionId", "SUB-01JNKQ9A7M3T5X8Y2B4D6F8H0J");
    body.put("receipt", receipt);
    SigningVectorSupport.writeJson(dir.resolve("receipts/receipt-valid-eddsa-post-inspection.json"), r);

    // The same receipt with seq changed in the payload: the signature no longer verifies.
    String forged = payloadJson.replace("\"seq\":1042", "\"seq\":1041");
    ObjectNode bad = STRICT_JSON.createObjectNode();
    bad.put("id", "receipt-invalid-payload-altered");
    bad.put("description",
        "The receipt above with seq changed from 1042 to 1041 after signing: verification fails.");
    bad.put("valid", false);
    bad.putArray("requirements").add("CAP-SIG-20");
    bad.put("forRequest", "valid-eddsa-post-inspection");
    bad.put("gatewayJwks", "keys/gateway.jwks.json");
    bad.put("protectedHeaderJson", headerJson);
    bad.put("payloadJson", forged);
    bad.put("receipt", b64url(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
        + b64url(forged.getBytes(StandardCharsets.UTF_8)) + "." + sig);
    SigningVectorSupport.writeJson(dir.resolve("receipts/receipt-invalid-payload-altered.json"), bad);
  }

  private void index() {
    ObjectNode idx = STRICT_JSON.createObjectNode();
    idx.put("profile", "Capillary request signing v1 (spec/SIGNING.md)");
    idx.put("note", "All keys under keys/ are " + TEST_ONLY);
    ObjectNode verifier = idx.putObject("verifier");
    verifier.put("maxSkewSeconds", 300);
    verifier.put("replayWindowSeconds", 86_400);
    verifier.put("registry", "keys/registry.json");
    verifier.put("gatewayJwks", "keys/gateway.jwks.json");
    ArrayNode list = idx.putArray("vectors");
    for (ObjectNode v : written) {
      ObjectNode e = list.addObject();
      e.put("id", v.get("id").stringValue());
      e.put("file", "cases/" + v.get("id").stringValue() + ".json");
      e.put("valid", v.get("valid").booleanValue());
      JsonNode expect = v.get("expect");
      if (expect.has("code")) {
        e.put("code", expect.get("code").stringValue());
        e.put("status", expect.get("status").intValue());
      }
    }
    ArrayNode receipts = idx.putArray("receipts");
    receipts.addObject().put("id", "receipt-valid-eddsa-post-inspection")
        .put("file", "receipts/receipt-valid-eddsa-post-inspection.json").put("valid", true);
    receipts.addObject().put("id", "receipt-invalid-payload-altered")
        .put("file", "receipts/receipt-invalid-payload-altered.json").put("valid", false);
    SigningVectorSupport.writeJson(dir.resolve("index.json"), idx);
  }
}
