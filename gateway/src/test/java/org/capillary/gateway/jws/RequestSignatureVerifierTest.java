package org.capillary.gateway.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.capillary.gateway.jws.TestSigning.A;
import static org.capillary.gateway.jws.TestSigning.BODY;
import static org.capillary.gateway.jws.TestSigning.ED25519_A;
import static org.capillary.gateway.jws.TestSigning.ES256_A;
import static org.capillary.gateway.jws.TestSigning.ES256_B;
import static org.capillary.gateway.jws.TestSigning.ES256_S;
import static org.capillary.gateway.jws.TestSigning.IDK;
import static org.capillary.gateway.jws.TestSigning.JTI;
import static org.capillary.gateway.jws.TestSigning.OUTSIDER;
import static org.capillary.gateway.jws.TestSigning.PATH;
import static org.capillary.gateway.jws.TestSigning.PS256_A;
import static org.capillary.gateway.jws.TestSigning.REVOKED_A;
import static org.capillary.gateway.jws.TestSigning.T;
import static org.capillary.gateway.jws.TestSigning.b64url;
import static org.capillary.gateway.jws.TestSigning.header;
import static org.capillary.gateway.jws.TestSigning.json;
import static org.capillary.gateway.jws.TestSigning.sign;

import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.capillary.gateway.connector.ConnectorKey;
import org.capillary.gateway.connector.KeyStatus;
import org.capillary.gateway.error.ProblemException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile catalogue of issue 3 and every step of spec/SIGNING.md §6 (steps G1–6), one case
 * per test, each with the code it must get. Keys are generated per run; the published vectors are
 * run by {@link SigningVectorsTest}.
 */
class RequestSignatureVerifierTest {

  private final TestSigning.FakeDirectory directory = TestSigning.directory();
  private final RequestSignatureVerifier verifier = new RequestSignatureVerifier(directory);

  // ------------------------------------------------------------------------------------ valid

  @Test
  void acceptsEs256() {
    SignedRequest req = TestSigning.post(ES256_A, "ES256");
    VerifiedSignature v = verifier.verify(req);
    assertThat(v.connector()).isEqualTo(A);
    assertThat(v.kid()).isEqualTo("a-es256");
    assertThat(v.alg()).isEqualTo("ES256");
    assertThat(v.issuedAt()).isEqualTo(Instant.ofEpochSecond(T));
    assertThat(v.jti()).isEqualTo(JTI);
    assertThat(v.idempotencyKey()).isEqualTo(IDK);
    assertThat(v.contentDigest()).isEqualTo(ContentDigest.of(BODY));
    assertThat(v.headerValue()).isEqualTo(req.signature());
  }

  @Test
  void acceptsPs256() {
    assertThat(verifier.verify(TestSigning.post(PS256_A, "PS256")).kid()).isEqualTo("a-ps256");
  }

  @Test
  void acceptsEdDsa() {
    assertThat(verifier.verify(TestSigning.post(ED25519_A, "EdDSA")).kid()).isEqualTo("a-ed25519");
  }

  @Test
  void usesConscryptForEs256() {
    assertThat(new JwsVerifierCache().ecProvider()).isNotNull();
    assertThat(new JwsVerifierCache().ecProvider().getName()).isEqualTo("Conscrypt");
  }

  @Test
  void acceptsGetWithEmptyBodyAndNoIdk() {
    String target = "/v1/projects/FT-2026-000123/obligations?status=PENDING&limit=50";
    byte[] empty = new byte[0];
    String value = sign(json(header("ES256", "a-es256", "GET", target, empty, null)), empty, ES256_A, "ES256");
    VerifiedSignature v = verifier.verify(new SignedRequest("GET", target, empty, value, null, null));
    assertThat(v.idempotencyKey()).isNull();
    assertThat(v.contentDigest()).isEqualTo("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:");
  }

  @Test
  void acceptsPercentEncodedTargetAsSent() {
    String target = "/v1/projects/FT-2026-000123/inspections/INS%3A2026%3A0042?fields=results%2Cstatus";
    byte[] empty = new byte[0];
    String value = sign(json(header("EdDSA", "a-ed25519", "GET", target, empty, null)), empty, ED25519_A, "EdDSA");
    assertThat(verifier.verify(new SignedRequest("GET", target, empty, value, null, null)).kid()).isEqualTo("a-ed25519");
  }

  @Test
  void acceptsAnyMemberOrderAndWhitespaceBecauseTheHeaderIsNeverReserialised() {
    String raw = "{\"crit\": [\"idk\", \"cdg\", \"htp\", \"htm\", \"jti\", \"iat\"],\n \"htp\": \"" + PATH
        + "\", \"htm\": \"POST\", \"cdg\": \"" + ContentDigest.of(BODY) + "\", \"idk\": \"" + IDK
        + "\",\n \"iat\": " + T + ", \"jti\": \"" + JTI + "\", \"kid\": \"a-es256\","
        + " \"typ\": \"capillary-request+jws\", \"alg\": \"ES256\"}";
    SignedRequest req = new SignedRequest("POST", PATH, BODY, sign(raw, BODY, ES256_A, "ES256"), IDK, null);
    assertThat(verifier.verify(req).kid()).isEqualTo("a-es256");
  }

  @Test
  void trimsOptionalWhitespaceAroundFieldValues() {
    SignedRequest ok = TestSigning.post(ES256_A, "ES256");
    SignedRequest padded = new SignedRequest("POST", PATH, BODY, " " + ok.signature() + "\t", " " + IDK, ok.contentDigest() + " ");
    assertThat(verifier.verify(padded).idempotencyKey()).isEqualTo(IDK);
  }

  @Test
  void acceptsRetiringKeyBeforeItsEnd() {
    directory.put(new ConnectorKey("a-es256", A, "ES256", ES256_A.toPublicJWK(), KeyStatus.RETIRING,
        Instant.ofEpochSecond(0), Instant.ofEpochSecond(T + 1)));
    assertThat(verifier.verify(TestSigning.post(ES256_A, "ES256")).kid()).isEqualTo("a-es256");
  }

  // ------------------------------------------------------------------------------ §6.1 guard

  @Test
  void writeWithoutIdempotencyKeyIsRefusedBeforeTheSignatureIsExamined() {
    assertCode(new SignedRequest("POST", PATH, BODY, null, null, null), "IDEMPOTENCY_KEY_MISSING");
    SignedRequest ok = TestSigning.post(ES256_A, "ES256");
    assertCode(new SignedRequest("POST", PATH, BODY, ok.signature(), null, null), "IDEMPOTENCY_KEY_MISSING");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "é-not-ascii"})
  void invalidIdempotencyKeyIsMissing(String key) {
    SignedRequest ok = TestSigning.post(ES256_A, "ES256");
    assertCode(new SignedRequest("DELETE", PATH, BODY, ok.signature(), key, null), "IDEMPOTENCY_KEY_MISSING");
  }

  @Test
  void idempotencyKeyOf256CharactersIsMissing() {
    assertCode(new SignedRequest("PUT", PATH, BODY, null, "k".repeat(256), null), "IDEMPOTENCY_KEY_MISSING");
  }

  @Test
  void contentDigestHeaderInBase64UrlIsAMismatch() {
    SignedRequest ok = TestSigning.post(ES256_A, "ES256");
    String b64url = "sha-256=:" + b64url(ContentDigest.sha256(BODY)) + ":";
    ProblemException p = assertCode(new SignedRequest("POST", PATH, BODY, ok.signature(), IDK, b64url), "CONTENT_DIGEST_MISMATCH");
    assertThat(p.extensions()).containsEntry("contentDigest", ContentDigest.of(BODY));
  }

  // ------------------------------------------------------------------------ step 0: presence

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void blankSignatureIsMissing(String value) {
    ProblemException p = assertCode(new SignedRequest("POST", PATH, BODY, value, IDK, null), "SIGNATURE_MISSING");
    assertThat(p.headers()).containsEntry("WWW-Authenticate", "Capillary-Signature");
  }

  @Test
  void noSignatureIsMissing() {
    assertCode(new SignedRequest("GET", PATH, new byte[0], null, null, null), "SIGNATURE_MISSING");
  }

  // --------------------------------------------------------------------------- step 1: parse

  @Test
  void attachedPayloadIsMalformed() {
    String value = TestSigning.post(ES256_A, "ES256").signature();
    String attached = value.replace("..", "." + b64url(BODY) + ".");
    ProblemException p = assertCode(withSignature(attached), "SIGNATURE_MALFORMED");
    assertThat(p.extensions()).doesNotContainKey("signingInput");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "a.b.c", "..sig", "a..b..c", "a..b=", "a..b+c", "a..b/c", "eyJ9..x y"})
  void notACompactDetachedJwsIsMalformed(String value) {
    assertCode(withSignature(value), "SIGNATURE_MALFORMED");
  }

  @Test
  void signatureInStandardBase64WithPaddingIsMalformed() {
    String value = TestSigning.post(ES256_A, "ES256").signature();
    int dots = value.indexOf("..");
    String std = Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(value.substring(dots + 2)));
    assertCode(withSignature(value.substring(0, dots + 2) + std), "SIGNATURE_MALFORMED");
  }

  @Test
  void duplicateMemberIsMalformed() {
    String raw = json(header("ES256", "a-es256", "POST", PATH, BODY, IDK));
    String dup = raw.replace("\"htp\":", "\"htp\":\"/v1/projects/FT-2026-000999/inspections\",\"htp\":");
    assertCode(signedRaw(dup, ES256_A, "ES256"), "SIGNATURE_MALFORMED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "\"text\"", "{\"alg\":\"ES256\"} trailing", "{\"alg\":", "null", ""})
  void headerThatIsNotOneJsonObjectIsMalformed(String headerJson) {
    String h = b64url(headerJson.getBytes(StandardCharsets.UTF_8));
    assertCode(withSignature((h.isEmpty() ? "e30x" : h) + "..AAAA"), "SIGNATURE_MALFORMED");
  }

  @Test
  void headerThatIsNotUtf8IsMalformed() {
    byte[] latin1 = "{\"alg\":\"ES256\",\"kid\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertCode(withSignature(b64url(latin1) + "..AAAA"), "SIGNATURE_MALFORMED");
  }

  @Test
  void headerOver8192CharactersIsMalformed() {
    String value = TestSigning.post(ES256_A, "ES256").signature();
    assertCode(withSignature("A".repeat(8192) + value), "SIGNATURE_MALFORMED");
  }

  @Test
  void typJwtIsMalformed() {
    assertCode(edited(h -> h.put("typ", "JWT")), "SIGNATURE_MALFORMED");
  }

  @Test
  void missingTypIsMalformed() {
    assertCode(edited(h -> h.remove("typ")), "SIGNATURE_MALFORMED");
  }

  @Test
  void emptyKidIsMalformed() {
    assertCode(edited(h -> h.put("kid", "")), "SIGNATURE_MALFORMED");
  }

  @Test
  void iatAsStringIsMalformed() {
    assertCode(edited(h -> h.put("iat", Long.toString(T))), "SIGNATURE_MALFORMED");
  }

  @Test
  void iatWithFractionOrNegativeIsMalformed() {
    assertCode(edited(h -> h.put("iat", T + 0.5)), "SIGNATURE_MALFORMED");
    assertCode(edited(h -> h.put("iat", -1)), "SIGNATURE_MALFORMED");
    assertCode(edited(h -> h.put("iat", 1L << 53)), "SIGNATURE_MALFORMED");
  }

  @Test
  void shortJtiIsMalformed() {
    assertCode(edited(h -> h.put("jti", "too-short")), "SIGNATURE_MALFORMED");
  }

  @Test
  void nonStringBindingIsMalformed() {
    assertCode(edited(h -> h.put("htm", 1)), "SIGNATURE_MALFORMED");
  }

  @Test
  void b64FalseIsMalformedEvenWhenListedInCrit() {
    Map<String, Object> h = header("ES256", "a-es256", "POST", PATH, BODY, IDK);
    h.put("b64", false);
    crit(h).add(0, "b64");
    // signed over the raw body, as RFC 7797 would
    String hb = b64url(json(h).getBytes(StandardCharsets.UTF_8));
    byte[] input = concat((hb + ".").getBytes(StandardCharsets.US_ASCII), BODY);
    String value = hb + ".." + TestSigning.signature(input, ES256_A, "ES256");
    assertCode(withSignature(value), "SIGNATURE_MALFORMED");
  }

  @Test
  void embeddedJwkIsMalformed() {
    Map<String, Object> h = header("ES256", "a-es256", "POST", PATH, BODY, IDK);
    h.put("jwk", OUTSIDER.toPublicJWK().toJSONObject());
    assertCode(signedRaw(json(h), OUTSIDER, "ES256"), "SIGNATURE_MALFORMED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jku", "x5u", "x5c", "x5t", "x5t#S256", "cty", "zip"})
  void otherForbiddenMembersAreMalformed(String member) {
    assertCode(edited(h -> h.put(member, "x")), "SIGNATURE_MALFORMED");
  }

  // ----------------------------------------------------------------------- step 2: algorithm

  @Test
  void algNoneIsNotAllowed() {
    Map<String, Object> h = header("none", "a-es256", "POST", PATH, BODY, IDK);
    String value = b64url(json(h).getBytes(StandardCharsets.UTF_8)) + "..";
    ProblemException p = assertCode(withSignature(value), "SIGNATURE_ALGORITHM_NOT_ALLOWED");
    assertThat(p.extensions()).containsKey("signingInput");
  }

  @Test
  void hs256SignedWithThePublicKeyIsNotAllowed() throws Exception {
    Map<String, Object> h = header("HS256", "a-ps256", "POST", PATH, BODY, IDK);
    String hb = b64url(json(h).getBytes(StandardCharsets.UTF_8));
    byte[] input = (hb + "." + b64url(BODY)).getBytes(StandardCharsets.US_ASCII);
    byte[] pem = ("-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(PS256_A.toRSAPublicKey().getEncoded())
        + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    assertCode(withSignature(hb + ".." + TestSigning.hmac(input, pem)), "SIGNATURE_ALGORITHM_NOT_ALLOWED");
  }

  @Test
  void rs256ByTheRegisteredRsaKeyIsNotAllowed() {
    Map<String, Object> h = header("RS256", "a-ps256", "POST", PATH, BODY, IDK);
    assertCode(signedRaw(json(h), PS256_A, "RS256"), "SIGNATURE_ALGORITHM_NOT_ALLOWED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ES384", "ES256K", "Ed25519", "es256", "HS512"})
  void otherAlgorithmsAreNotAllowed(String alg) {
    assertCode(edited(h -> h.put("alg", alg)), "SIGNATURE_ALGORITHM_NOT_ALLOWED");
  }

  // ---------------------------------------------------------------------------- step 3: crit

  @Test
  void missingCritIsRefused() {
    assertCode(edited(h -> h.remove("crit")), "SIGNATURE_CRITICAL_HEADER");
  }

  @Test
  void unknownCritMemberIsRefused() {
    assertCode(edited(h -> {
      h.put("exp", T + 300);
      crit(h).add("exp");
    }), "SIGNATURE_CRITICAL_HEADER");
  }

  @Test
  void critListingAnAbsentMemberIsRefused() {
    assertCode(edited(h -> {
      h.remove("idk");
    }), "SIGNATURE_CRITICAL_HEADER");
  }

  @Test
  void customMemberNotInCritIsRefused() {
    assertCode(edited(h -> h.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736")), "SIGNATURE_CRITICAL_HEADER");
  }

  @Test
  void requiredMemberLeftOutOfCritIsRefused() {
    assertCode(edited(h -> crit(h).remove("iat")), "SIGNATURE_CRITICAL_HEADER");
  }

  @Test
  void registeredNameInCritIsRefused() {
    assertCode(edited(h -> crit(h).add("alg")), "SIGNATURE_CRITICAL_HEADER");
  }

  @Test
  void critListingANameTwiceIsRefused() {
    assertCode(edited(h -> crit(h).add("jti")), "SIGNATURE_CRITICAL_HEADER");
  }

  @Test
  void critThatIsNotAnArrayIsRefused() {
    assertCode(edited(h -> h.put("crit", "iat")), "SIGNATURE_CRITICAL_HEADER");
  }

  // ----------------------------------------------------------------------------- step 4: key

  @Test
  void unknownKidIsUnknown() {
    assertCode(signed(OUTSIDER, "ES256", h -> {}), "SIGNATURE_KEY_UNKNOWN");
  }

  @Test
  void revokedKidIsUnknownAndSaysNoMoreThanAnUnknownOne() {
    ProblemException revoked = assertCode(signed(REVOKED_A, "ES256", h -> {}), "SIGNATURE_KEY_UNKNOWN");
    ProblemException unknown = assertCode(signed(OUTSIDER, "ES256", h -> {}), "SIGNATURE_KEY_UNKNOWN");
    assertThat(revoked.detail()).isEqualTo(unknown.detail());
  }

  @Test
  void expiredOrNotYetValidKeyIsUnknown() {
    directory.put(new ConnectorKey("a-es256", A, "ES256", ES256_A.toPublicJWK(), KeyStatus.RETIRING,
        Instant.ofEpochSecond(0), Instant.ofEpochSecond(T)));
    assertCode(TestSigning.post(ES256_A, "ES256"), "SIGNATURE_KEY_UNKNOWN");
    directory.put(new ConnectorKey("a-es256", A, "ES256", ES256_A.toPublicJWK(), KeyStatus.ACTIVE,
        Instant.ofEpochSecond(T + 1), null));
    assertCode(TestSigning.post(ES256_A, "ES256"), "SIGNATURE_KEY_UNKNOWN");
  }

  @Test
  void algOtherThanTheKeysRegisteredAlgIsUnknown() {
    // header EdDSA with the kid of an ES256 key, signed with a genuine Ed25519 key
    Map<String, Object> h = header("EdDSA", "a-es256", "POST", PATH, BODY, IDK);
    assertCode(signedRaw(json(h), ED25519_A, "EdDSA"), "SIGNATURE_KEY_UNKNOWN");
  }

  // ----------------------------------------------------------------------- step 5: signature

  @Test
  void kidOfAnotherConnectorDoesNotVerify() {
    // Connector A signs with its own key but names B's kid: B's key does not verify it.
    Map<String, Object> h = header("ES256", ES256_B.getKeyID(), "POST", PATH, BODY, IDK);
    ProblemException p = assertCode(signedRaw(json(h), ES256_A, "ES256"), "SIGNATURE_INVALID");
    assertThat(p.detail()).doesNotContain("test-connector-b");
  }

  @Test
  void tamperedBodyDoesNotVerify() {
    SignedRequest ok = TestSigning.post(ES256_A, "ES256");
    byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("FIRST", "OTHER").getBytes(StandardCharsets.UTF_8);
    ProblemException p = assertCode(new SignedRequest("POST", PATH, tampered, ok.signature(), IDK, null), "SIGNATURE_INVALID");
    String headerPart = ok.signature().substring(0, ok.signature().indexOf('.'));
    String expectedInput = headerPart + "." + b64url(tampered);
    assertThat(p.extensions())
        .containsEntry("signingInput", expectedInput)
        .containsEntry("signingInputSha256", HexFormat.of().formatHex(ContentDigest.sha256(expectedInput.getBytes(StandardCharsets.US_ASCII))))
        .containsEntry("contentDigest", ContentDigest.of(tampered));
    assertThat(p.headers()).containsEntry("WWW-Authenticate", "Capillary-Signature");
  }

  @Test
  void tamperedBodyOfEachAlgorithmDoesNotVerify() {
    for (var key : List.<Object[]>of(new Object[] {PS256_A, "PS256"}, new Object[] {ED25519_A, "EdDSA"})) {
      SignedRequest ok = TestSigning.post((JWK) key[0], (String) key[1]);
      byte[] tampered = concat(BODY, new byte[] {' '});
      assertCode(new SignedRequest("POST", PATH, tampered, ok.signature(), IDK, null), "SIGNATURE_INVALID");
    }
  }

  @Test
  void es256SignatureInDerFormIsInvalid() throws Exception {
    Map<String, Object> h = header("ES256", "a-es256", "POST", PATH, BODY, IDK);
    String hb = b64url(json(h).getBytes(StandardCharsets.UTF_8));
    Signature der = Signature.getInstance("SHA256withECDSA");
    der.initSign(ES256_A.toECPrivateKey());
    der.update((hb + "." + b64url(BODY)).getBytes(StandardCharsets.US_ASCII));
    assertCode(withSignature(hb + ".." + b64url(der.sign())), "SIGNATURE_INVALID");
  }

  @Test
  void emptyOrTruncatedSignatureIsInvalid() {
    String value = TestSigning.post(ED25519_A, "EdDSA").signature();
    String headerPart = value.substring(0, value.indexOf('.'));
    assertCode(withSignature(headerPart + ".."), "SIGNATURE_INVALID");
    assertCode(withSignature(value.substring(0, value.length() - 4)), "SIGNATURE_INVALID");
    assertCode(withSignature(value.substring(0, value.length() - 1)), "SIGNATURE_INVALID");
  }

  @Test
  void suspendedConnectorWithABadSignatureLearnsNothingAboutTheSuspension() {
    Map<String, Object> h = header("ES256", ES256_S.getKeyID(), "POST", PATH, BODY, IDK);
    assertCode(signedRaw(json(h), OUTSIDER, "ES256"), "SIGNATURE_INVALID");
  }

  // -------------------------------------------------------------------------- step 6: bindings

  @Test
  void signatureForAnotherMethodIsABindingMismatch() {
    SignedRequest ok = TestSigning.post(ES256_A, "ES256");
    ProblemException p = assertCode(new SignedRequest("PUT", PATH, BODY, ok.signature(), IDK, null), "SIGNATURE_BINDING_MISMATCH");
    assertMismatch(p, "htm", "PUT", "POST");
  }

  @Test
  void signatureForAnotherPathIsABindingMismatch() {
    SignedRequest ok = TestSigning.post(ES256_A, "ES256");
    String other = "/v1/projects/FT-2026-000124/inspections";
    ProblemException p = assertCode(new SignedRequest("POST", other, BODY, ok.signature(), IDK, null), "SIGNATURE_BINDING_MISMATCH");
    assertMismatch(p, "htp", other, PATH);
  }

  @Test
  void signedDecodedPathIsNotTheTargetAsSent() {
    byte[] empty = new byte[0];
    String decoded = "/v1/projects/FT-2026-000123/inspections/INS:2026:0042";
    String sent = "/v1/projects/FT-2026-000123/inspections/INS%3A2026%3A0042";
    String value = sign(json(header("ES256", "a-es256", "GET", decoded, empty, null)), empty, ES256_A, "ES256");
    assertMismatch(assertCode(new SignedRequest("GET", sent, empty, value, null, null), "SIGNATURE_BINDING_MISMATCH"),
        "htp", sent, decoded);
  }

  @Test
  void cdgOfAReserialisedBodyIsABindingMismatch() {
    byte[] pretty = "{\n  \"inspectionId\" : \"INS-2026-0042\",\n  \"type\" : \"FIRST_KEY_HAZARD\"\n}".getBytes(StandardCharsets.UTF_8);
    Map<String, Object> h = header("ES256", "a-es256", "POST", PATH, BODY, IDK);
    h.put("cdg", ContentDigest.of(pretty));
    ProblemException p = assertCode(signedRaw(json(h), ES256_A, "ES256"), "SIGNATURE_BINDING_MISMATCH");
    assertMismatch(p, "cdg", ContentDigest.of(BODY), ContentDigest.of(pretty));
  }

  @Test
  void idempotencyKeyOtherThanTheSignedOneIsABindingMismatch() {
    SignedRequest ok = TestSigning.post(ES256_A, "ES256");
    ProblemException p = assertCode(new SignedRequest("POST", PATH, BODY, ok.signature(), "another-key", null), "SIGNATURE_BINDING_MISMATCH");
    assertMismatch(p, "idk", "another-key", IDK);
  }

  @Test
  void writeWhoseSignatureLacksIdkIsABindingMismatch() {
    Map<String, Object> h = header("ES256", "a-es256", "POST", PATH, BODY, null);
    assertMismatch(assertCode(signedRaw(json(h), ES256_A, "ES256"), "SIGNATURE_BINDING_MISMATCH"), "idk", IDK, null);
  }

  @Test
  void readWhoseSignatureCarriesIdkIsABindingMismatch() {
    byte[] empty = new byte[0];
    String value = sign(json(header("ES256", "a-es256", "GET", PATH, empty, IDK)), empty, ES256_A, "ES256");
    ProblemException p = assertCode(new SignedRequest("GET", PATH, empty, value, IDK, null), "SIGNATURE_BINDING_MISMATCH");
    assertMismatch(p, "idk", null, IDK);
  }

  // ------------------------------------------------------------------------------ suspension

  @Test
  void suspendedConnectorIsRefusedOnlyAfterItsSignatureVerifies() {
    ProblemException p = assertCode(TestSigning.post(ES256_S, "ES256"), "CONNECTOR_SUSPENDED");
    assertThat(p.extensions()).isEmpty();
  }

  // ------------------------------------------------------------------------------ helpers

  private ProblemException assertCode(SignedRequest request, String code) {
    ProblemException p = catchThrowableOfType(ProblemException.class, () -> verifier.verify(request));
    assertThat(p).as("expected %s", code).isNotNull();
    assertThat(p.code()).isEqualTo(code);
    return p;
  }

  @SuppressWarnings("unchecked")
  private static void assertMismatch(ProblemException p, String member, @Nullable String expected, @Nullable String signed) {
    Map<String, Object> m = (Map<String, Object>) p.extensions().get("mismatch");
    assertThat(m).containsEntry("member", member).containsEntry("expected", expected).containsEntry("signed", signed);
  }

  private static SignedRequest withSignature(String value) {
    return new SignedRequest("POST", PATH, BODY, value, IDK, null);
  }

  /** A POST signed with A's ES256 key after editing the default header. */
  private static SignedRequest edited(Consumer<Map<String, Object>> edit) {
    return signed(ES256_A, "ES256", edit);
  }

  private static SignedRequest signed(JWK key, String alg, Consumer<Map<String, Object>> edit) {
    Map<String, Object> h = header(alg, key.getKeyID(), "POST", PATH, BODY, IDK);
    edit.accept(h);
    return signedRaw(json(h), key, alg);
  }

  private static SignedRequest signedRaw(String headerJson, JWK key, String alg) {
    return withSignature(sign(headerJson, BODY, key, alg));
  }

  @SuppressWarnings("unchecked")
  private static List<String> crit(Map<String, Object> h) {
    return (List<String>) h.get("crit");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
