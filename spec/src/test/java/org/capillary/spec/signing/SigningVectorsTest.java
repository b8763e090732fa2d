package org.capillary.spec.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.capillary.spec.signing.SigningVectorSupport.b64url;
import static org.capillary.spec.signing.SigningVectorSupport.contentDigest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks that spec/vectors/signing is self-consistent and agrees with spec/SIGNING.md and
 * problem-codes.yaml: encodings and digests recomputed, valid signatures verified with nimbus
 * (detached payload, deferred crit), every vector run through {@link ReferenceVerifier}, and each
 * invalid vector checked for the very property that makes it invalid.
 */
class SigningVectorsTest {

  static final Path DIR = SigningVectorSupport.vectorsDir();
  static final Set<String> DEFERRED = Set.of("iat", "jti", "htm", "htp", "cdg", "idk");
  static final Map<String, ReferenceVerifier.RegisteredKey> REGISTRY =
      SigningVectorSupport.readRegistry(DIR);

  static Stream<String> vectorIds() {
    JsonNode index = SigningVectorSupport.readJson(DIR.resolve("index.json"));
    return index.get("vectors").valueStream().map(v -> v.get("id").stringValue());
  }

  static Stream<String> validIds() {
    return vectorIds().filter(id -> vector(id).get("valid").booleanValue());
  }

  static Stream<String> invalidIds() {
    return vectorIds().filter(id -> !vector(id).get("valid").booleanValue());
  }

  static JsonNode vector(String id) {
    return SigningVectorSupport.readJson(DIR.resolve("cases").resolve(id + ".json"));
  }

  static byte[] body(JsonNode v) {
    return Base64.getDecoder().decode(v.get("request").get("bodyBase64").stringValue());
  }

  static JsonNode header(JsonNode v) {
    return SigningVectorSupport.STRICT_JSON.readTree(v.get("protectedHeaderJson").stringValue());
  }

  static JWK publicKey(String kid) {
    return SigningVectorSupport.readJwk(DIR.resolve("keys").resolve(kid + ".public.jwk.json"));
  }

  static JWK privateKey(String kid) {
    return SigningVectorSupport.readJwk(DIR.resolve("keys").resolve(kid + ".private.jwk.json"));
  }

  /** A nimbus verifier for the key, with the profile's extension members deferred (§10.1). */
  static JWSVerifier nimbusVerifier(JWK jwk) throws JOSEException {
    if (jwk instanceof ECKey ec) {
      return new ECDSAVerifier(ec.toECPublicKey(), DEFERRED);
    } else if (jwk instanceof RSAKey rsa) {
      return new RSASSAVerifier(rsa.toRSAPublicKey(), DEFERRED);
    } else {
      return new Ed25519Verifier(((OctetKeyPair) jwk).toPublicJWK(), DEFERRED);
    }
  }

  /** Verifies the Capillary-Signature value as a detached JWS over body, the way §10.1 shows. */
  static boolean nimbusVerifies(String signature, byte[] body, JWK key) throws Exception {
    JWSObject jws = JWSObject.parse(signature, new Payload(body));
    return jws.verify(nimbusVerifier(key));
  }

  // ------------------------------------------------------------------------------ the files

  @Test
  void indexListsExactlyTheCaseFiles() throws IOException {
    Set<String> listed = vectorIds().map(id -> id + ".json").collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(DIR.resolve("cases"))) {
      assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
          .isEqualTo(listed);
    }
    assertThat(validIds().count()).isGreaterThanOrEqualTo(8);
    assertThat(invalidIds().count()).isGreaterThanOrEqualTo(25);
  }

  @Test
  void everyExpectedCodeIsRegisteredWithItsStatus() {
    JsonNode codes = new YAMLMapper().readTree(readString(DIR.resolve("../../problem-codes.yaml")));
    Map<String, Integer> status = new HashMap<>();
    Map<String, String> req = new HashMap<>();
    for (JsonNode p : codes.get("problems")) {
      status.put(p.get("code").stringValue(), p.get("status").intValue());
      req.put(p.get("code").stringValue(), p.get("req").stringValue());
    }
    invalidIds().forEach(id -> {
      JsonNode expect = vector(id).get("expect");
      String code = expect.get("code").stringValue();
      assertThat(status).as(id).containsKey(code);
      assertThat(expect.get("status").intValue()).as(id).isEqualTo(status.get(code));
    });
    // Every SIGNATURE_* code has a vector, and every requirement id is defined in SIGNING.md.
    Set<String> covered =
        invalidIds().map(id -> vector(id).get("expect").get("code").stringValue())
            .collect(Collectors.toSet());
    String signing = readString(DIR.resolve("../../SIGNING.md"));
    for (String code : status.keySet()) {
      if (code.startsWith("SIGNATURE_") || code.equals("CONTENT_DIGEST_MISMATCH")) {
        assertThat(covered).as("a vector for " + code).contains(code);
        assertThat(signing).as(req.get(code) + " in SIGNING.md").contains(req.get(code));
        assertThat(signing).contains(code);
      }
    }
  }

  @Test
  void requirementIdsCitedByVectorsAreDefinedInSigningMd() {
    String signing = readString(DIR.resolve("../../SIGNING.md"));
    Set<String> defined = new TreeSet<>();
    Matcher m = Pattern.compile("\\*\\*(CAP-[A-Z]+-\\d\\d)\\*\\*").matcher(signing);
    while (m.find()) {
      defined.add(m.group(1));
    }
    vectorIds().forEach(id -> vector(id).get("requirements").forEach(r -> {
      if (r.stringValue().startsWith("CAP-SIG-")) {
        assertThat(defined).as(id).contains(r.stringValue());
      }
    }));
  }

  @Test
  void keysAreTestOnlyAndPublicFilesMatchPrivateOnes() throws IOException {
    try (Stream<Path> files = Files.list(DIR.resolve("keys"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".private.jwk.json")).toList()) {
        JWK priv = SigningVectorSupport.readJwk(p);
        assertThat(priv.isPrivate()).as(p.toString()).isTrue();
        assertThat(readString(p)).contains("TEST ONLY");
        assertThat(priv.getKeyID()).startsWith("test-");
        JWK pub = publicKey(priv.getKeyID());
        assertThat(pub.isPrivate()).isFalse();
        assertThat(pub.toJSONObject()).isEqualTo(priv.toPublicJWK().toJSONObject());
      }
    }
    for (ReferenceVerifier.RegisteredKey k : REGISTRY.values()) {
      assertThat(k.publicJwk().isPrivate()).isFalse();
    }
    // The JWKS files hold only public keys and agree with the registry.
    for (String connector : List.of("test-connector-a", "test-connector-b")) {
      JWKSet set = parseJwks(DIR.resolve("keys/" + connector + ".jwks.json"));
      for (JWK k : set.getKeys()) {
        assertThat(k.isPrivate()).isFalse();
        assertThat(REGISTRY.get(k.getKeyID()).connectorId()).isEqualTo(connector);
      }
    }
    assertThat(REGISTRY.get("test-ps256-1").publicJwk().size()).isEqualTo(2048);
  }

  // ------------------------------------------------------------------------- every vector

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectorIds")
  void encodingsAreSelfConsistent(String id) {
    JsonNode v = vector(id);
    JsonNode req = v.get("request");
    String headerJson = v.get("protectedHeaderJson").stringValue();
    String headerB64 = v.get("protectedHeaderB64").stringValue();
    assertThat(headerB64).isEqualTo(b64url(headerJson.getBytes(StandardCharsets.UTF_8)));
    assertThat(v.get("contentDigest").stringValue()).isEqualTo(contentDigest(body(v)));
    if (!v.get("signingInput").isNull()) {
      assertThat(v.get("signingInput").stringValue())
          .isEqualTo(headerB64 + "." + v.get("bodyB64url").stringValue());
    }
    JsonNode sig = req.get("headers").get("Capillary-Signature");
    if (v.get("signature").isNull()) {
      assertThat(sig).isNull();
    } else {
      assertThat(sig.stringValue()).isEqualTo(v.get("signature").stringValue());
      assertThat(sig.stringValue()).startsWith(headerB64 + ".");
    }
    if (req.get("bodyText").isString()) {
      assertThat(req.get("bodyText").stringValue().getBytes(StandardCharsets.UTF_8))
          .isEqualTo(body(v));
    }
    assertThat(v.get("verifyAt").isIntegralNumber()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectorIds")
  void referenceVerifierReachesTheExpectedOutcome(String id) {
    JsonNode v = vector(id);
    ReferenceVerifier verifier = new ReferenceVerifier(REGISTRY, 300, 86_400);
    if (v.has("before")) {
      for (JsonNode prior : v.get("before")) {
        assertThat(verifier.verify(SigningVectorSupport.request(prior), v.get("verifyAt").longValue() - 1)
            .accepted()).as("prior request").isTrue();
      }
    }
    ReferenceVerifier.Result r =
        verifier.verify(SigningVectorSupport.request(v.get("request")), v.get("verifyAt").longValue());
    JsonNode expect = v.get("expect");
    if (v.get("valid").booleanValue()) {
      assertThat(r.code()).isNull();
      assertThat(r.connectorId()).isEqualTo(expect.get("connectorId").stringValue());
      assertThat(r.signingInput()).isEqualTo(v.get("signingInput").stringValue());
    } else {
      assertThat(r.code()).isEqualTo(expect.get("code").stringValue());
      assertThat(r.status()).isEqualTo(expect.get("status").intValue());
      assertThat(r.signingInput())
          .isEqualTo(expect.has("signingInput") ? expect.get("signingInput").stringValue() : null);
      if (expect.has("mismatch")) {
        JsonNode mm = expect.get("mismatch");
        assertThat(r.mismatch()).isNotNull();
        assertThat(r.mismatch().member()).isEqualTo(mm.get("member").stringValue());
        assertThat(r.mismatch().expected()).isEqualTo(mm.get("expected").stringValue());
      } else {
        assertThat(r.mismatch()).isNull();
      }
    }
  }

  // ------------------------------------------------------------------------------- valid ones

  @ParameterizedTest(name = "{0}")
  @MethodSource("validIds")
  void validSignatureVerifiesWithNimbusAndBindsTheRequest(String id) throws Exception {
    JsonNode v = vector(id);
    JsonNode req = v.get("request");
    byte[] body = body(v);
    JsonNode h = header(v);
    String method = req.get("method").stringValue();

    assertThat(v.get("bodyB64url").stringValue()).isEqualTo(b64url(body));
    assertThat(h.get("alg").stringValue()).isIn("ES256", "PS256", "EdDSA");
    assertThat(h.get("typ").stringValue()).isEqualTo("capillary-request+jws");
    assertThat(h.get("htm").stringValue()).isEqualTo(method);
    assertThat(h.get("htp").stringValue()).isEqualTo(req.get("path").stringValue());
    assertThat(h.get("cdg").stringValue()).isEqualTo(contentDigest(body));
    boolean write = ReferenceVerifier.WRITE_METHODS.contains(method);
    if (write) {
      assertThat(h.get("idk").stringValue())
          .isEqualTo(req.get("headers").get("Idempotency-Key").stringValue());
    } else {
      assertThat(h.has("idk")).isFalse();
      assertThat(body).isEmpty();
      assertThat(v.get("signingInput").stringValue()).endsWith(".");
    }
    Set<String> crit = new HashSet<>();
    h.get("crit").forEach(n -> crit.add(n.stringValue()));
    assertThat(crit).isEqualTo(write
        ? Set.of("iat", "jti", "htm", "htp", "cdg", "idk")
        : Set.of("iat", "jti", "htm", "htp", "cdg"));
    if (req.get("headers").has("Content-Digest")) {
      assertThat(req.get("headers").get("Content-Digest").stringValue())
          .isEqualTo(contentDigest(body));
    }

    JWK key = publicKey(v.get("key").stringValue());
    String signature = v.get("signature").stringValue();
    JWSObject jws = JWSObject.parse(signature, new Payload(body));
    assertThat(new String(jws.getSigningInput(), StandardCharsets.US_ASCII))
        .isEqualTo(v.get("signingInput").stringValue());
    assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo(h.get("alg").stringValue());
    assertThat(jws.verify(nimbusVerifier(key))).as("nimbus verifies").isTrue();

    // Control: the same check fails for a body that differs by one byte, and without deferral.
    byte[] other = body.length == 0 ? new byte[] {' '} : body.clone();
    other[other.length - 1] ^= 1;
    assertThat(nimbusVerifies(signature, other, key)).isFalse();
    assertThat(JWSObject.parse(signature, new Payload(body)).verify(plainVerifier(key)))
        .as("a verifier that does not understand the crit members must reject")
        .isFalse();

    int sigLen = Base64URL.from(signature.substring(signature.lastIndexOf('.') + 1)).decode().length;
    assertThat(sigLen).isEqualTo(h.get("alg").stringValue().equals("PS256") ? 256 : 64);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validIds")
  void ed25519SignaturesAreReproducibleByteForByte(String id) throws Exception {
    JsonNode v = vector(id);
    if (!header(v).get("alg").stringValue().equals("EdDSA")) {
      return;
    }
    OctetKeyPair key = (OctetKeyPair) privateKey(v.get("key").stringValue());
    Base64URL sig =
        new Ed25519Signer(key)
            .sign(new JWSHeader(JWSAlgorithm.EdDSA),
                v.get("signingInput").stringValue().getBytes(StandardCharsets.US_ASCII));
    assertThat(v.get("signature").stringValue())
        .isEqualTo(v.get("protectedHeaderB64").stringValue() + ".." + sig);
  }

  private static JWSVerifier plainVerifier(JWK jwk) throws JOSEException {
    if (jwk instanceof ECKey ec) {
      return new ECDSAVerifier(ec);
    } else if (jwk instanceof RSAKey rsa) {
      return new RSASSAVerifier(rsa);
    } else {
      return new Ed25519Verifier(((OctetKeyPair) jwk).toPublicJWK());
    }
  }

  // ----------------------------------------------------------------------------- invalid ones

  /** What makes each invalid vector invalid, checked independently of the reference verifier. */
  private static final Map<String, Consumer<JsonNode>> WHY = new LinkedHashMap<>();

  static {
    WHY.put("invalid-signature-missing",
        v -> assertThat(v.get("request").get("headers").has("Capillary-Signature")).isFalse());
    WHY.put("invalid-idempotency-key-header-missing", v -> {
      assertThat(v.get("request").get("headers").has("Idempotency-Key")).isFalse();
      assertThat(header(v).has("idk")).isTrue();
      assertVerifiesWithKey(v, v.get("key").stringValue(), body(v));
    });
    WHY.put("invalid-content-digest-header-mismatch", v -> {
      assertThat(v.get("request").get("headers").get("Content-Digest").stringValue())
          .isNotEqualTo(contentDigest(body(v)));
      assertVerifiesWithKey(v, v.get("key").stringValue(), body(v));
    });
    WHY.put("invalid-malformed-attached-payload", v -> {
      String[] parts = v.get("signature").stringValue().split("\\.", -1);
      assertThat(parts).hasSize(3);
      assertThat(parts[1]).isNotEmpty();
    });
    WHY.put("invalid-malformed-signature-not-base64url",
        v -> assertThat(sigPart(v)).containsAnyOf("=", "+", "/"));
    WHY.put("invalid-malformed-duplicate-member", v -> {
      assertThatThrownBy(() -> header(v)).hasMessageContaining("Duplicate");
      assertThat(JsonMapper.builder().build().readTree(v.get("protectedHeaderJson").stringValue())
          .get("htp").stringValue()).isEqualTo(v.get("request").get("path").stringValue());
    });
    WHY.put("invalid-malformed-typ-jwt",
        v -> assertThat(header(v).get("typ").stringValue()).isEqualTo("JWT"));
    WHY.put("invalid-malformed-iat-string", v -> assertThat(header(v).get("iat").isString()).isTrue());
    WHY.put("invalid-b64-false", v -> {
      assertThat(header(v).get("b64").booleanValue()).isFalse();
      assertThat(header(v).has("b64")).isTrue();
    });
    WHY.put("invalid-jwk-embedded", v -> {
      JsonNode h = header(v);
      assertThat(h.has("jwk")).isTrue();
      try {
        JWK embedded = JWK.parse(h.get("jwk").toString());
        assertThat(nimbusVerifies(v.get("signature").stringValue(), body(v), embedded)).isTrue();
        assertThat(nimbusVerifies(v.get("signature").stringValue(), body(v),
            publicKey(v.get("key").stringValue()))).isFalse();
      } catch (Exception e) {
        fail(e.toString());
      }
    });
    WHY.put("invalid-alg-none", v -> {
      assertThat(header(v).get("alg").stringValue()).isEqualTo("none");
      assertThat(sigPart(v)).isEmpty();
    });
    WHY.put("invalid-alg-hs256-public-key-as-secret", v -> {
      assertThat(header(v).get("alg").stringValue()).isEqualTo("HS256");
      try {
        byte[] secret = v.get("hmacSecretText").stringValue().getBytes(StandardCharsets.US_ASCII);
        assertThat(secret).isEqualTo(pem((RSAKey) publicKey("test-ps256-1")));
        JWSObject jws = JWSObject.parse(v.get("signature").stringValue(), new Payload(body(v)));
        assertThat(jws.verify(new MACVerifier(secret, DEFERRED))).as("a real forgery").isTrue();
      } catch (Exception e) {
        fail(e.toString());
      }
    });
    WHY.put("invalid-alg-rs256", v -> {
      assertThat(header(v).get("alg").stringValue()).isEqualTo("RS256");
      assertVerifiesWithKey(v, "test-ps256-1", body(v));
    });
    WHY.put("invalid-crit-missing", v -> assertThat(header(v).has("crit")).isFalse());
    WHY.put("invalid-crit-unknown-member", v -> {
      assertThat(critOf(v)).contains("exp");
      assertThat(header(v).has("exp")).isTrue();
    });
    WHY.put("invalid-crit-lists-absent-member", v -> {
      assertThat(critOf(v)).contains("idk");
      assertThat(header(v).has("idk")).isFalse();
    });
    WHY.put("invalid-custom-member-not-in-crit", v -> {
      assertThat(header(v).has("traceId")).isTrue();
      assertThat(critOf(v)).doesNotContain("traceId");
    });
    WHY.put("invalid-kid-unknown", v -> {
      assertThat(REGISTRY).doesNotContainKey(v.get("key").stringValue());
      assertVerifiesWithKey(v, "test-es256-unregistered", body(v));
    });
    WHY.put("invalid-kid-revoked", v -> {
      assertThat(REGISTRY.get(v.get("key").stringValue()).active()).isFalse();
      assertVerifiesWithKey(v, v.get("key").stringValue(), body(v));
    });
    WHY.put("invalid-alg-does-not-match-key", v -> {
      assertThat(header(v).get("alg").stringValue()).isEqualTo("EdDSA");
      assertThat(REGISTRY.get(v.get("key").stringValue()).publicJwk().getAlgorithm().getName())
          .isEqualTo("ES256");
    });
    WHY.put("invalid-kid-of-another-connector", v -> {
      JsonNode map = v.get("connectors");
      String kid = v.get("key").stringValue();
      assertThat(map.get(kid).stringValue()).isEqualTo("test-connector-b");
      assertThat(REGISTRY.get(kid).connectorId()).isEqualTo("test-connector-b");
      assertThat(map.get(v.get("signedWith").stringValue()).stringValue())
          .isEqualTo("test-connector-a");
      assertDoesNotVerifyWithKey(v, kid, body(v));
      assertVerifiesWithKey(v, v.get("signedWith").stringValue(), body(v));
    });
    WHY.put("invalid-body-tampered", v -> {
      byte[] signed = Base64URL.from(v.get("bodyB64url").stringValue()).decode();
      assertThat(signed).isNotEqualTo(body(v));
      assertDoesNotVerifyWithKey(v, v.get("key").stringValue(), body(v));
      assertVerifiesWithKey(v, v.get("key").stringValue(), signed);
    });
    WHY.put("invalid-htm-other-method", v -> bindingDiffers(v, "htm",
        v.get("request").get("method").stringValue()));
    WHY.put("invalid-htp-other-path", v -> bindingDiffers(v, "htp",
        v.get("request").get("path").stringValue()));
    WHY.put("invalid-htp-decoded-path", v -> bindingDiffers(v, "htp",
        v.get("request").get("path").stringValue()));
    WHY.put("invalid-cdg-mismatch", v -> bindingDiffers(v, "cdg", contentDigest(body(v))));
    WHY.put("invalid-idk-mismatch", v -> bindingDiffers(v, "idk",
        v.get("request").get("headers").get("Idempotency-Key").stringValue()));
    WHY.put("invalid-idk-not-signed-on-write", v -> {
      assertThat(header(v).has("idk")).isFalse();
      assertThat(v.get("request").get("headers").has("Idempotency-Key")).isTrue();
      assertVerifiesWithKey(v, v.get("key").stringValue(), body(v));
    });
    WHY.put("invalid-iat-stale-301s", v -> {
      assertThat(v.get("verifyAt").longValue() - header(v).get("iat").longValue()).isEqualTo(301);
      assertVerifiesWithKey(v, v.get("key").stringValue(), body(v));
    });
    WHY.put("invalid-iat-future-301s", v -> {
      assertThat(header(v).get("iat").longValue() - v.get("verifyAt").longValue()).isEqualTo(301);
      assertVerifiesWithKey(v, v.get("key").stringValue(), body(v));
    });
    WHY.put("invalid-jti-replayed", v -> {
      assertThat(v.get("before")).hasSize(1);
      assertThat(v.get("before").get(0)).isEqualTo(v.get("request"));
      assertVerifiesWithKey(v, v.get("key").stringValue(), body(v));
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidIds")
  void invalidVectorHasTheStatedDefect(String id) {
    Consumer<JsonNode> check = WHY.get(id);
    if (check == null) {
      fail("no structural check for " + id + ": add one to WHY");
    }
    check.accept(vector(id));
  }

  @Test
  void everyStructuralCheckHasAVector() {
    assertThat(invalidIds().collect(Collectors.toSet())).containsAll(WHY.keySet());
  }

  private static void bindingDiffers(JsonNode v, String member, String actual) {
    JsonNode h = header(v);
    assertThat(h.has(member)).isTrue();
    assertThat(h.get(member).stringValue()).isNotEqualTo(actual);
    assertThat(v.get("expect").get("mismatch").get("member").stringValue()).isEqualTo(member);
    assertThat(v.get("expect").get("mismatch").get("signed").stringValue())
        .isEqualTo(h.get(member).stringValue());
    assertVerifiesWithKey(v, v.get("key").stringValue(), body(v));
  }

  private static void assertVerifiesWithKey(JsonNode v, String kid, byte[] body) {
    assertThat(verifiesWith(v, kid, body)).as("signature verifies with " + kid).isTrue();
  }

  private static void assertDoesNotVerifyWithKey(JsonNode v, String kid, byte[] body) {
    assertThat(verifiesWith(v, kid, body)).as("signature must not verify with " + kid).isFalse();
  }

  /** Raw cryptographic check over the detached payload, whatever the header's alg. */
  private static boolean verifiesWith(JsonNode v, String kid, byte[] body) {
    try {
      JWSObject jws = JWSObject.parse(v.get("signature").stringValue(), new Payload(body));
      JWK key = publicKey(kid);
      JWSVerifier verifier = nimbusVerifier(key);
      if (!verifier.supportedJWSAlgorithms().contains(jws.getHeader().getAlgorithm())) {
        return false;
      }
      return jws.verify(verifier);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String sigPart(JsonNode v) {
    String s = v.get("signature").stringValue();
    return s.substring(s.lastIndexOf('.') + 1);
  }

  private static Set<String> critOf(JsonNode v) {
    Set<String> crit = new HashSet<>();
    header(v).get("crit").forEach(n -> crit.add(n.stringValue()));
    return crit;
  }

  private static byte[] pem(RSAKey key) {
    try {
      String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(key.toRSAPublicKey().getEncoded());
      return ("-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n")
          .getBytes(StandardCharsets.US_ASCII);
    } catch (JOSEException e) {
      throw new AssertionError(e);
    }
  }

  // -------------------------------------------------------------------- the verifier itself

  @Test
  void referenceVerifierRejectsAValidRequestOnceAnythingChanges() {
    JsonNode v = vector("valid-eddsa-post-inspection");
    long now = v.get("verifyAt").longValue();
    ReferenceVerifier.Request ok = SigningVectorSupport.request(v.get("request"));
    assertThat(new ReferenceVerifier(REGISTRY, 300, 86_400).verify(ok, now).accepted()).isTrue();

    byte[] body = ok.body().clone();
    body[10] ^= 1;
    Map<String, String> noDigest = new LinkedHashMap<>(ok.headers());
    noDigest.remove("Content-Digest");
    assertThat(fresh().verify(new ReferenceVerifier.Request("POST", ok.target(), noDigest, body), now)
        .code()).isEqualTo("SIGNATURE_INVALID");
    assertThat(fresh().verify(new ReferenceVerifier.Request("POST", ok.target() + "?", ok.headers(),
        ok.body()), now).code()).isEqualTo("SIGNATURE_BINDING_MISMATCH");
    assertThat(fresh().verify(ok, now + 301).code()).isEqualTo("SIGNATURE_EXPIRED");
    Map<String, String> lower = new LinkedHashMap<>();
    ok.headers().forEach((k, val) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), val));
    assertThat(fresh().verify(new ReferenceVerifier.Request("POST", ok.target(), lower, ok.body()),
        now).accepted()).as("header names are case-insensitive").isTrue();
  }

  private static ReferenceVerifier fresh() {
    return new ReferenceVerifier(REGISTRY, 300, 86_400);
  }

  /** The signing snippet of SIGNING.md §10.1, as written there, must yield accepted requests. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("registeredActiveConnectorAKeys")
  void nimbusSnippetOfSection10IsAccepted(String kid) throws Exception {
    JWK privateKey = privateKey(kid);
    byte[] body = "{\"note\":\"二层配电箱\"}".getBytes(StandardCharsets.UTF_8);
    String idempotencyKey = java.util.UUID.randomUUID().toString();
    String path = "/v1/projects/FT-2026-000123/inspections";
    long now = java.time.Instant.now().getEpochSecond();

    String cdg = "sha-256=:" + Base64.getEncoder().encodeToString(
        java.security.MessageDigest.getInstance("SHA-256").digest(body)) + ":";
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(privateKey.getAlgorithm().getName()))
        .type(new com.nimbusds.jose.JOSEObjectType("capillary-request+jws"))
        .keyID(privateKey.getKeyID())
        .customParam("iat", now)
        .customParam("jti", java.util.UUID.randomUUID().toString())
        .customParam("htm", "POST")
        .customParam("htp", path)
        .customParam("cdg", cdg)
        .customParam("idk", idempotencyKey)
        .criticalParams(Set.of("iat", "jti", "htm", "htp", "cdg", "idk"))
        .build();
    JWSObject jws = new JWSObject(header, new Payload(body));
    if (privateKey instanceof ECKey ec) {
      jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(ec));
    } else if (privateKey instanceof RSAKey rsa) {
      jws.sign(new com.nimbusds.jose.crypto.RSASSASigner(rsa));
    } else {
      jws.sign(new Ed25519Signer((OctetKeyPair) privateKey));
    }
    String value = jws.serialize(true);

    assertThat(value).contains("..");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Idempotency-Key", idempotencyKey);
    headers.put("Capillary-Signature", value);
    ReferenceVerifier.Result r = fresh().verify(
        new ReferenceVerifier.Request("POST", path, headers, body), now);
    assertThat(r.code()).isNull();
    assertThat(nimbusVerifies(value, body, publicKey(kid))).isTrue();
  }

  static Stream<String> registeredActiveConnectorAKeys() {
    return Stream.of("test-es256-1", "test-ps256-1", "test-ed25519-1");
  }

  // --------------------------------------------------------------------------------- receipts

  @Test
  void receiptVerifiesWithTheGatewayKeyAndNamesTheRequest() throws Exception {
    JsonNode r = SigningVectorSupport.readJson(
        DIR.resolve("receipts/receipt-valid-eddsa-post-inspection.json"));
    JsonNode request = vector(r.get("forRequest").stringValue());
    JWKSet gateway = parseJwks(DIR.resolve(r.get("gatewayJwks").stringValue()));
    JWSObject receipt = JWSObject.parse(r.get("receipt").stringValue());
    assertThat(receipt.getHeader().getType().getType()).isEqualTo("capillary-receipt+jws");
    JWK key = gateway.getKeyByKeyId(receipt.getHeader().getKeyID());
    assertThat(key).isNotNull();
    assertThat(receipt.verify(new Ed25519Verifier((OctetKeyPair) key))).isTrue();
    assertThat(receipt.getPayload().toString()).isEqualTo(r.get("payloadJson").stringValue());

    JsonNode p = SigningVectorSupport.STRICT_JSON.readTree(receipt.getPayload().toString());
    JsonNode h = header(request);
    assertThat(p.get("cdg").stringValue()).isEqualTo(request.get("contentDigest").stringValue());
    assertThat(p.get("jti").stringValue()).isEqualTo(h.get("jti").stringValue());
    assertThat(p.get("idk").stringValue()).isEqualTo(h.get("idk").stringValue());
    assertThat(p.get("cid").stringValue()).isEqualTo(request.get("expect").get("connectorId").stringValue());
    assertThat(p.get("seq").isIntegralNumber()).isTrue();
    assertThat(p.get("iat").isIntegralNumber()).isTrue();
    for (String member : List.of("sub", "iss", "op")) {
      assertThat(p.get(member).isString()).as(member).isTrue();
    }
    assertThat(r.get("responseBody").get("receipt").stringValue())
        .isEqualTo(r.get("receipt").stringValue());
    // The gateway key is not a connector key.
    assertThat(REGISTRY).doesNotContainKey(key.getKeyID());

    JsonNode bad = SigningVectorSupport.readJson(
        DIR.resolve("receipts/receipt-invalid-payload-altered.json"));
    assertThat(JWSObject.parse(bad.get("receipt").stringValue())
        .verify(new Ed25519Verifier((OctetKeyPair) key))).isFalse();
  }

  // -------------------------------------------------------------------- SIGNING.md in sync

  @Test
  void workedExampleInSigningMdMatchesTheVector() {
    String signing = readString(DIR.resolve("../../SIGNING.md"));
    JsonNode v = vector("valid-eddsa-post-inspection");
    for (String member : List.of("protectedHeaderJson", "protectedHeaderB64", "bodyB64url",
        "contentDigest", "signature")) {
      assertThat(signing).as(member).contains(v.get(member).stringValue());
    }
    assertThat(signing).contains(v.get("request").get("bodyText").stringValue());
    JsonNode r = SigningVectorSupport.readJson(
        DIR.resolve("receipts/receipt-valid-eddsa-post-inspection.json"));
    assertThat(signing).contains(r.get("payloadJson").stringValue());
    assertThat(signing).contains(r.get("receipt").stringValue());
  }

  // -------------------------------------------------------------------------------- helpers

  private static JWKSet parseJwks(Path file) {
    try {
      return JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(file + ": " + e, e);
    }
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
