package org.capillary.gateway.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.capillary.gateway.connector.ConnectorKey;
import org.capillary.gateway.error.ProblemCatalog;
import org.capillary.gateway.error.ProblemException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The shared signing vectors again, with every body given as a {@link StreamedBody} (a file read
 * as a stream, as tus chunks are) instead of in memory: every vector must reach exactly the same
 * outcome — code, status, signingInput, mismatch — as through {@link SigningVectorsTest}. Plus
 * large bodies: a 5 MiB chunk signed with each algorithm verifies, and one flipped byte fails.
 *
 * <p>Original description of the vectors run: the shared vectors of spec/vectors/signing
 * (SIGNING.md §12) through the gateway's verifier: the registry of keys/registry.json, the clock at each case's verifyAt, and the expected
 * code, status, signingInput and mismatch. Cases whose code belongs to the replay filter
 * (SIGNATURE_EXPIRED, SIGNATURE_REPLAYED) must pass every step this verifier owns.
 *
 * <p>Reads the vectors from the spec jar ({@code capillary/spec/vectors/signing/}) or, while the
 * installed jar predates them, from {@code ../spec/vectors/signing}; skipped if neither exists.
 */
class StreamedBodyVectorsTest {

  private static final Set<String> LATER_STEPS = Set.of("SIGNATURE_EXPIRED", "SIGNATURE_REPLAYED");
  private static final ProblemCatalog PROBLEMS = ProblemCatalog.load();

  @TestFactory
  Stream<DynamicTest> everyVectorGetsItsExpectedOutcome() {
    JsonNode index = SigningVectorFiles.read("index.json");
    assumeTrue(index != null, "signing vectors not found");
    Map<String, ConnectorKey> registry = SigningVectorFiles.registry();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode entry : index.get("vectors")) {
      String file = entry.get("file").stringValue();
      tests.add(DynamicTest.dynamicTest(entry.get("id").stringValue(), () -> run(SigningVectorFiles.read(file), registry)));
    }
    assertThat(tests).hasSizeGreaterThan(30);
    return tests.stream();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"ES256", "PS256", "EdDSA"})
  void aLargeStreamedChunkVerifiesAndOneFlippedByteDoesNot(String alg) throws IOException {
    JWK key = switch (alg) {
      case "ES256" -> TestSigning.ES256_A;
      case "PS256" -> TestSigning.PS256_A;
      default -> TestSigning.ED25519_A;
    };
    byte[] chunk = new byte[5 * 1024 * 1024 + 1]; // not a multiple of 3: the base64url tail counts
    new java.util.Random(42).nextBytes(chunk);
    String target = "/v1/uploads/med-01JNKR0Q3S5V7X9Z1B3D5F7H9K";
    String value = TestSigning.sign(TestSigning.json(TestSigning.header(alg, key.getKeyID(), "PATCH", target, chunk, "k@0")),
        chunk, key, alg);
    RequestSignatureVerifier verifier = new RequestSignatureVerifier(TestSigning.directory());
    SignedRequest headers = new SignedRequest("PATCH", target, new byte[0], value, "k@0", null);
    Path file = Files.createTempFile("chunk", ".bin");
    try {
      Files.write(file, chunk);
      assertThat(verifier.verify(headers, fileBody(file, chunk)).connector()).isEqualTo(TestSigning.A);

      byte[] tampered = chunk.clone();
      tampered[tampered.length / 2] ^= 1;
      Files.write(file, tampered);
      // The digest the spool computed is the tampered one: cdg no longer binds, but the signature
      // check (step 5) comes first.
      ProblemException p = catchThrowableOfType(ProblemException.class,
          () -> verifier.verify(headers, fileBody(file, tampered)));
      assertThat(p.code()).isEqualTo("SIGNATURE_INVALID");
      assertThat(p.extensions()).doesNotContainKey("signingInput"); // 7 MiB: only its digest
      assertThat(p.extensions().get("signingInputSha256")).isEqualTo(java.util.HexFormat.of().formatHex(
          ContentDigest.sha256((value.substring(0, value.indexOf('.')) + "." + TestSigning.b64url(tampered))
              .getBytes(StandardCharsets.US_ASCII))));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void run(@Nullable JsonNode vector, Map<String, ConnectorKey> registry) {
    assertThat(vector).isNotNull();
    TestSigning.FakeDirectory directory = new TestSigning.FakeDirectory(
        Clock.fixed(Instant.ofEpochSecond(vector.get("verifyAt").longValue()), ZoneOffset.UTC));
    registry.values().forEach(directory::put);
    RequestSignatureVerifier verifier = new RequestSignatureVerifier(directory);
    JsonNode expect = vector.get("expect");
    String code = expect.path("code").asString(null);
    if (vector.has("before")) {
      for (JsonNode before : vector.get("before")) {
        verify(verifier, before);
      }
    }
    JsonNode request = vector.get("request");
    if (expect.get("accepted").booleanValue() || LATER_STEPS.contains(code)) {
      VerifiedSignature v = verify(verifier, request);
      if (expect.has("connectorId")) {
        assertThat(v.connector().connectorId()).isEqualTo(expect.get("connectorId").stringValue());
      }
      return;
    }
    ProblemException p = catchThrowableOfType(ProblemException.class, () -> verify(verifier, request));
    assertThat(p).as("expected %s", code).isNotNull();
    assertThat(p.code()).isEqualTo(code);
    assertThat(PROBLEMS.get(p.code()).status()).isEqualTo(expect.get("status").intValue());
    if (expect.has("signingInput")) {
      assertThat(p.extensions().get("signingInput")).isEqualTo(expect.get("signingInput").stringValue());
    } else {
      assertThat(p.extensions()).doesNotContainKey("signingInput");
    }
    if (expect.has("mismatch")) {
      JsonNode m = expect.get("mismatch");
      assertThat(p.extensions().get("mismatch")).isEqualTo(mapOf(
          "member", m.get("member").asString(null),
          "expected", m.get("expected").asString(null),
          "signed", m.get("signed").asString(null)));
    }
  }

  private static Map<String, @Nullable Object> mapOf(String k1, @Nullable Object v1, String k2, @Nullable Object v2, String k3, @Nullable Object v3) {
    Map<String, @Nullable Object> m = new HashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    m.put(k3, v3);
    return m;
  }

  /** Verifies a vector's request with its body streamed from a file. */
  private static VerifiedSignature verify(RequestSignatureVerifier verifier, JsonNode r) {
    SignedRequest inMemory = SigningVectorFiles.request(r);
    try {
      Path file = Files.createTempFile("streamed-body", ".bin");
      try {
        Files.write(file, inMemory.body());
        SignedRequest headersOnly = new SignedRequest(inMemory.method(), inMemory.target(), new byte[0],
            inMemory.signature(), inMemory.idempotencyKey(), inMemory.contentDigest());
        return verifier.verify(headersOnly, fileBody(file, inMemory.body()));
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StreamedBody fileBody(Path file, byte[] bodyForDigest) {
    String digest = ContentDigest.of(bodyForDigest);
    long length = bodyForDigest.length;
    return new StreamedBody() {
      @Override
      public long length() {
        return length;
      }

      @Override
      public String contentDigest() {
        return digest;
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(file);
      }
    };
  }

}
