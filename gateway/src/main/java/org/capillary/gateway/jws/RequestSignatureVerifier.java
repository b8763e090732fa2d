package org.capillary.gateway.jws;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.connector.ConnectorDirectory;
import org.capillary.gateway.connector.ConnectorKey;
import org.capillary.gateway.connector.PublicJwks;
import org.capillary.gateway.error.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Verifies the detached JWS of a request (spec/SIGNING.md §6) and says which connector sent it.
 *
 * <p>The checks run in the order of the profile, and the first failure is the answer:
 * <ol>
 *   <li>guard (§6.1, before the signature is looked at): a write (POST, PUT, PATCH, DELETE)
 *       without a valid Idempotency-Key → IDEMPOTENCY_KEY_MISSING (CAP-IDM-01); a Content-Digest
 *       header that is not the body's digest → CONTENT_DIGEST_MISMATCH (CAP-SIG-10). Cheap checks
 *       of the request itself come first so a client learns of a broken request without any key
 *       being examined, and the answer is the same whoever signed it;
 *   <li>no Capillary-Signature → SIGNATURE_MISSING (CAP-SIG-01);
 *   <li>parse: detached compact form, base64url, strict I-JSON header, typed members, no forbidden
 *       member (jku, jwk, x5u, x5c, x5t, x5t#S256, cty, b64, zip) → SIGNATURE_MALFORMED (CAP-SIG-02,
 *       CAP-SIG-13);
 *   <li>alg not ES256, PS256 or EdDSA → SIGNATURE_ALGORITHM_NOT_ALLOWED (CAP-SIG-03);
 *   <li>crit rules → SIGNATURE_CRITICAL_HEADER (CAP-SIG-05);
 *   <li>kid not a usable key, or the key registered for another alg → SIGNATURE_KEY_UNKNOWN
 *       (CAP-SIG-04);
 *   <li>signature → SIGNATURE_INVALID (CAP-SIG-07);
 *   <li>bindings, first difference in the order htm, htp, cdg, idk → SIGNATURE_BINDING_MISMATCH
 *       (CAP-SIG-06), with a {@code mismatch} member {member, expected, signed};
 *   <li>the key's connector suspended → CONNECTOR_SUSPENDED (CAP-AUZ-04). Only a request that
 *       proved possession of the key learns that the connector is suspended; everyone else gets
 *       the signature answers above.
 * </ol>
 * After step 1, every signature problem carries what the gateway computed from the request
 * (SIGNING.md §7, CAP-SIG-18): {@code signingInput} (the ASCII string verified, when at most 65,536
 * characters), {@code signingInputSha256} and {@code contentDigest}; every 401 carries
 * {@code WWW-Authenticate: Capillary-Signature}. Details never say why a key did not match nor
 * whose key a kid is.
 *
 * <p>The issued-at window and jti replay (steps 7 and 8 of the profile) are the replay filter's;
 * this class returns iat and jti in the {@link VerifiedSignature}.
 *
 * <p>Thread-safe and non-blocking: keys come from the directory's in-memory snapshot and verifiers
 * are cached per key, so it may run on the event loop.
 */
@Component
public class RequestSignatureVerifier {

  private static final Logger log = LoggerFactory.getLogger(RequestSignatureVerifier.class);

  /** SIGNING.md §7: a 401 carries this challenge. */
  private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Capillary-Signature");

  /** SIGNING.md §7: signingInput is shown only up to this length; its SHA-256 always. */
  static final int MAX_SIGNING_INPUT_SHOWN = 65_536;

  private final ConnectorDirectory directory;
  private final JwsVerifierCache verifiers;

  /**
   * @param directory where kids are looked up
   */
  @Autowired
  public RequestSignatureVerifier(ConnectorDirectory directory) {
    this(directory, new JwsVerifierCache());
  }

  RequestSignatureVerifier(ConnectorDirectory directory, JwsVerifierCache verifiers) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.verifiers = Objects.requireNonNull(verifiers, "verifiers");
  }

  /**
   * Verifies a request's signature.
   *
   * @param request the request as received
   * @return the verified signature with its connector
   * @throws ProblemException IDEMPOTENCY_KEY_MISSING, CONTENT_DIGEST_MISMATCH, a SIGNATURE_* code
   *     (except EXPIRED and REPLAYED) or CONNECTOR_SUSPENDED; INTERNAL_ERROR only if a registered
   *     key cannot be turned into a verifier
   */
  public VerifiedSignature verify(SignedRequest request) {
    return verify(request, null);
  }

  /**
   * Verifies the signature of a request whose body was streamed to storage (a tus chunk) instead
   * of being held in memory: the same checks in the same order as {@link #verify(SignedRequest)},
   * with the body's digest taken from {@code streamed} and the signing input fed to the signature
   * primitive as a stream (see {@link StreamedSigningInput}).
   *
   * @param request the request as received; its in-memory body is ignored when {@code streamed}
   *     is given
   * @param streamed the streamed body, or null to verify {@link SignedRequest#body()}
   * @return the verified signature with its connector
   * @throws ProblemException as {@link #verify(SignedRequest)}
   */
  public VerifiedSignature verify(SignedRequest request, @Nullable StreamedBody streamed) {
    boolean write = SigningProfile.WRITE_METHODS.contains(request.method());
    String bodyDigest = streamed != null ? streamed.contentDigest() : ContentDigest.of(request.body());

    // §6.1 guard. The Idempotency-Key is its value as sent, OWS removed (SIGNING.md §3).
    String idempotencyKey =
        request.idempotencyKey() == null ? null : ContentDigest.trimOws(request.idempotencyKey());
    if (write && (idempotencyKey == null || !SigningProfile.IDEMPOTENCY_KEY.matcher(idempotencyKey).matches())) {
      throw new ProblemException("IDEMPOTENCY_KEY_MISSING",
          "A " + request.method() + " needs an Idempotency-Key header of 1 to 255 visible ASCII characters.");
    }
    boolean digestHeaderMatches = streamed != null
        ? request.contentDigest() == null || ContentDigest.trimOws(request.contentDigest()).equals(bodyDigest)
        : ContentDigest.matchesOrAbsent(request.contentDigest(), request.body());
    if (!digestHeaderMatches) {
      throw new ProblemException("CONTENT_DIGEST_MISMATCH",
          "The Content-Digest header is not sha-256=:<standard base64 of SHA-256(body)>: of this body.",
          List.of(), Map.of("contentDigest", bodyDigest), Map.of());
    }

    // Step 0: presence (CAP-SIG-01)
    String value = request.signature() == null ? "" : ContentDigest.trimOws(request.signature());
    if (value.isEmpty()) {
      throw new ProblemException("SIGNATURE_MISSING", "No Capillary-Signature header.",
          List.of(), Map.of(), CHALLENGE);
    }

    // Step 1: parse (CAP-SIG-02, CAP-SIG-13)
    DetachedJws jws;
    try {
      jws = DetachedJws.parse(value);
    } catch (DetachedJws.MalformedException e) {
      throw new ProblemException("SIGNATURE_MALFORMED", e.getMessage(), List.of(), Map.of(), CHALLENGE);
    }
    // From here on, problems show what the gateway computed (CAP-SIG-18).
    SigningInput input = streamed != null
        ? new SigningInput(new StreamedSigningInput(jws.headerPart(), streamed), bodyDigest)
        : new SigningInput(jws.headerPart(), request.body(), bodyDigest);
    String alg = Objects.requireNonNull(jws.text("alg"));
    String kid = Objects.requireNonNull(jws.text("kid"));

    // Step 2: algorithm (CAP-SIG-03)
    if (!SigningProfile.ALLOWED_ALGS.contains(alg)) {
      throw failure("SIGNATURE_ALGORITHM_NOT_ALLOWED",
          (alg.length() <= 16 ? "alg " + alg : "This alg") + " is not allowed; use ES256, PS256 or EdDSA.",
          input, null);
    }

    // Step 3: crit (CAP-SIG-05)
    Set<String> crit = CriticalHeaders.check(jws.header());
    if (crit == null) {
      throw failure("SIGNATURE_CRITICAL_HEADER",
          "crit must list exactly the extension members present: iat, jti, htm, htp, cdg, and idk"
              + " when present; no other member is understood.", input, null);
    }

    // Step 4: key (CAP-SIG-04)
    Optional<ConnectorKey> found = directory.findUsableKey(kid);
    if (found.isEmpty()
        || !alg.equals(found.get().alg())
        || !PublicJwks.fits(found.get().publicKey(), alg)) {
      throw failure("SIGNATURE_KEY_UNKNOWN",
          "The kid does not name a key that is active and registered for this alg.", input, null);
    }
    ConnectorKey key = found.get();

    // Step 5: signature (CAP-SIG-07)
    if (!signatureVerifies(key, alg, crit, input, jws.signaturePart())) {
      throw failure("SIGNATURE_INVALID",
          "The signature does not verify with the key named by kid over the signing input.", input, null);
    }

    // Step 6: bindings (CAP-SIG-06), first difference in the order htm, htp, cdg, idk
    String expectedIdk = write ? idempotencyKey : null;
    bind("htm", request.method(), jws.text("htm"), input);
    bind("htp", request.target(), jws.text("htp"), input);
    bind("cdg", bodyDigest, jws.text("cdg"), input);
    bind("idk", expectedIdk, jws.text("idk"), input);

    Connector connector = key.connector();
    if (!connector.active()) {
      throw new ProblemException("CONNECTOR_SUSPENDED", "Connector " + connector.connectorId() + " is suspended.");
    }
    return new VerifiedSignature(
        connector,
        kid,
        alg,
        Instant.ofEpochSecond(jws.header().get("iat").longValue()),
        Objects.requireNonNull(jws.text("jti")),
        jws.text("idk"),
        Objects.requireNonNull(jws.text("cdg")),
        value,
        () -> debuggingAid(input));
  }

  private boolean signatureVerifies(
      ConnectorKey key, String alg, Set<String> crit, SigningInput input, String signaturePart) {
    byte[] signature = DetachedJws.decodeBase64Url(signaturePart);
    if (signature == null || signature.length != signatureLength(key)) {
      return false; // §6 step 5: 64 octets for ES256 and EdDSA, the modulus length for PS256
    }
    try {
      if (input.streamed() != null) {
        return input.streamed().verify(key.publicKey(), alg, signature);
      }
      JWSVerifier verifier = verifiers.verifier(key);
      // nimbus reads only alg and crit from this header; the signing input carries the header
      // bytes exactly as received, never a re-serialisation.
      JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(alg)).criticalParams(crit).build();
      return verifier.verify(header, input.bytes(), Base64URL.encode(signature));
    } catch (JOSEException e) {
      // Not reachable from request bytes: a registered key nimbus cannot use. Fail closed, loudly.
      log.error("cannot verify with key {}: {}", key.kid(), e.toString());
      throw new ProblemException("INTERNAL_ERROR", "The signature could not be checked.");
    }
  }

  private static int signatureLength(ConnectorKey key) {
    if (key.publicKey() instanceof com.nimbusds.jose.jwk.RSAKey rsa) {
      return (rsa.size() + 7) / 8;
    }
    return 64;
  }

  private static void bind(String member, @Nullable String expected, @Nullable String signed, SigningInput input) {
    if (!Objects.equals(expected, signed)) {
      Map<String, @Nullable Object> mismatch = new LinkedHashMap<>();
      mismatch.put("member", member);
      mismatch.put("expected", expected);
      mismatch.put("signed", signed);
      throw failure("SIGNATURE_BINDING_MISMATCH",
          "The signed " + member + " differs from the request.", input, mismatch);
    }
  }

  private static ProblemException failure(
      String code, String detail, SigningInput input, @Nullable Map<String, @Nullable Object> mismatch) {
    Map<String, Object> extensions = debuggingAid(input);
    if (mismatch != null) {
      extensions.put("mismatch", Collections.unmodifiableMap(mismatch));
    }
    return new ProblemException(code, detail, List.of(), extensions, CHALLENGE);
  }

  /** SIGNING.md §7: what every SIGNATURE_* problem after step 1 carries, so a client can compare. */
  private static Map<String, Object> debuggingAid(SigningInput input) {
    Map<String, Object> members = new LinkedHashMap<>();
    String shown = input.textIfShown();
    if (shown != null) {
      members.put("signingInput", shown);
    }
    members.put("signingInputSha256", input.sha256Hex());
    members.put("contentDigest", input.contentDigest());
    return members;
  }

  /**
   * ASCII(BASE64URL(header) || '.' || BASE64URL(body)), RFC 7515 §5.2, built once per request —
   * or, for a streamed body, produced on demand by a {@link StreamedSigningInput}.
   */
  static final class SigningInput {
    private final byte[] bytes;
    private final @Nullable StreamedSigningInput streamed;
    private final String contentDigest;

    SigningInput(StreamedSigningInput streamed, String contentDigest) {
      this.bytes = new byte[0];
      this.streamed = streamed;
      this.contentDigest = contentDigest;
    }

    SigningInput(String headerPart, byte[] body, String contentDigest) {
      this.streamed = null;
      this.contentDigest = contentDigest;
      byte[] head = headerPart.getBytes(StandardCharsets.US_ASCII);
      byte[] payload = Base64.getUrlEncoder().withoutPadding().encode(body);
      ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + 1 + payload.length);
      out.writeBytes(head);
      out.write('.');
      out.writeBytes(payload);
      this.bytes = out.toByteArray();
    }

    byte[] bytes() {
      return bytes;
    }

    /** The streamed signing input, or null when it is in memory. */
    @Nullable StreamedSigningInput streamed() {
      return streamed;
    }

    /** The text shown in problems (SIGNING.md §7): only up to MAX_SIGNING_INPUT_SHOWN characters. */
    @Nullable String textIfShown() {
      if (streamed != null) {
        return streamed.textIfAtMost(MAX_SIGNING_INPUT_SHOWN);
      }
      return bytes.length <= MAX_SIGNING_INPUT_SHOWN ? text() : null;
    }

    /** Lower-case hex SHA-256 of the signing input. */
    String sha256Hex() {
      return streamed != null ? streamed.sha256Hex() : HexFormat.of().formatHex(ContentDigest.sha256(bytes));
    }

    String text() {
      return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** The gateway's Content-Digest of the body. */
    String contentDigest() {
      return contentDigest;
    }
  }
}
