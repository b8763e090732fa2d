package org.capillary.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.capillary.gateway.jws.ContentDigest;
import org.capillary.gateway.support.Scenario;
import org.capillary.gateway.support.SignedClient;
import org.capillary.gateway.support.SpecExamples;
import org.capillary.gateway.support.TestSigner;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * The hostile catalogue of issue 3 over real HTTP: each request is refused with its stable code and
 * status, as an RFC 9457 problem document carrying the request id — never a 500, never a hang.
 * Requests are built by hand (header maps, hand-made JWS, raw bytes) wherever a well-behaved client
 * could not produce them; each is otherwise correct, so the one thing wrong with it is what is
 * refused.
 */
class HostileRequestsEndToEndTest extends EmbeddedGatewayTestBase {

  private static final int MIB = 1024 * 1024;
  private static final AtomicInteger REQUEST_IDS = new AtomicInteger();

  /**
   * One hostile request and the answer it must get.
   *
   * @param name what is wrong with it
   * @param status the expected status
   * @param code the expected problem code
   * @param send sends it (setting up whatever it needs first) and returns the answer
   * @param more further checks of the problem document
   */
  record Case(String name, int status, String code,
      Function<HostileRequestsEndToEndTest, EntityExchangeResult<byte[]>> send, Consumer<JsonNode> more) {
    @Override
    public String toString() {
      return name + " → " + status + " " + code;
    }
  }

  private static Case refuse(String name, int status, String code,
      Function<HostileRequestsEndToEndTest, EntityExchangeResult<byte[]>> send) {
    return new Case(name, status, code, send, problem -> {});
  }

  private static Case refuse(String name, int status, String code,
      Function<HostileRequestsEndToEndTest, EntityExchangeResult<byte[]>> send, Consumer<JsonNode> more) {
    return new Case(name, status, code, send, more);
  }

  private static Consumer<JsonNode> mismatchOf(String member) {
    return problem -> assertThat(problem.at("/mismatch/member").asString()).isEqualTo(member);
  }

  /** SIGNING.md §7: an expired signature's problem tells the gateway clock and the window. */
  private static Consumer<JsonNode> serverTime() {
    return problem -> {
      assertThat(problem.path("serverTime").asLong()).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
      assertThat(problem.path("maxSkewSeconds").asLong()).isEqualTo(300);
    };
  }

  private static Consumer<JsonNode> error(String pointer, String code) {
    return problem -> {
      List<String> errors = new ArrayList<>();
      problem.path("errors").forEach(e -> errors.add(e.path("pointer").asString() + " " + e.path("code").asString()));
      assertThat(errors).contains(pointer + " " + code);
    };
  }

  static Stream<Case> catalogue() {
    return Stream.of(
        // --- the signature header itself -------------------------------------------------------
        refuse("no signature", 401, "SIGNATURE_MISSING", t -> t.policy().unsigned().send()),
        refuse("empty signature", 401, "SIGNATURE_MISSING", t -> t.policy().signature("").send()),
        refuse("malformed JWS", 401, "SIGNATURE_MALFORMED", t -> t.policy().signature("not-a-jws").send()),
        refuse("attached payload", 401, "SIGNATURE_MALFORMED", t -> {
          Request r = t.policy();
          String[] parts = r.signed().split("\\.\\.");
          return r.signature(parts[0] + "." + b64url(r.body) + "." + parts[1]).send();
        }),
        refuse("signature part not base64url", 401, "SIGNATURE_MALFORMED", t -> {
          Request r = t.policy();
          return r.signature(r.signed() + "=").send();
        }),
        refuse("two signature field lines", 401, "SIGNATURE_MALFORMED", t -> {
          Request r = t.policy();
          String signature = r.signed();
          return r.signature(signature).header("Capillary-Signature", signature).send();
        }),
        refuse("signature over 8192 characters", 401, "SIGNATURE_MALFORMED", t -> {
          Request r = t.policy();
          return r.editHeader(h -> h.put("pad", "x".repeat(9000))).send();
        }),
        refuse("typ JWT", 401, "SIGNATURE_MALFORMED", t -> t.policy().editHeader(h -> h.put("typ", "JWT")).send()),
        refuse("iat as a string", 401, "SIGNATURE_MALFORMED",
            t -> t.policy().editHeader(h -> h.put("iat", Long.toString(Instant.now().getEpochSecond()))).send()),
        refuse("duplicate header member", 401, "SIGNATURE_MALFORMED", t -> {
          Request r = t.policy();
          String json = SignedClient.JSON.writeValueAsString(r.header());
          return r.signature(r.signer.signHeaderText("{\"htp\":\"/v1/devices\"," + json.substring(1), r.body)).send();
        }),
        refuse("b64 false", 401, "SIGNATURE_MALFORMED", t -> t.policy().editHeader(h -> {
          h.put("b64", false);
          crit(h).add("b64");
        }).send()),
        refuse("embedded jwk", 401, "SIGNATURE_MALFORMED", t -> {
          TestSigner intruder = TestSigner.generateEs256("intruder-" + UUID.randomUUID());
          Request r = t.policy().signer(intruder);
          return r.editHeader(h -> h.put("jwk", intruder.publicJwk())).send();
        }),
        // --- algorithm ---------------------------------------------------------------------------
        refuse("alg none", 401, "SIGNATURE_ALGORITHM_NOT_ALLOWED", t -> {
          Request r = t.policy();
          Map<String, Object> h = r.header();
          h.put("alg", "none");
          return r.signature(b64url(SignedClient.JSON.writeValueAsBytes(h)) + "..").send();
        }),
        refuse("HS256 with the public key as secret", 401, "SIGNATURE_ALGORITHM_NOT_ALLOWED", t -> {
          Request r = t.policy();
          Map<String, Object> h = r.header();
          h.put("alg", "HS256");
          byte[] secret = SignedClient.JSON.writeValueAsBytes(r.signer.publicJwk());
          return r.signature(TestSigner.compact(SignedClient.JSON.writeValueAsString(h), r.body,
              macSigner(secret), JWSAlgorithm.HS256)).send();
        }),
        refuse("RS256 with the registered RSA key", 401, "SIGNATURE_ALGORITHM_NOT_ALLOWED", t -> {
          Request r = t.policy().signer(TestSigner.demo("demo-insurer-b-ps256-1"));
          Map<String, Object> h = r.header();
          h.put("alg", "RS256");
          return r.signature(TestSigner.compact(SignedClient.JSON.writeValueAsString(h), r.body,
              rsaSigner(r.signer), JWSAlgorithm.RS256)).send();
        }),
        // --- crit --------------------------------------------------------------------------------
        refuse("missing crit", 401, "SIGNATURE_CRITICAL_HEADER", t -> t.policy().editHeader(h -> h.remove("crit")).send()),
        refuse("unknown crit member", 401, "SIGNATURE_CRITICAL_HEADER", t -> t.policy().editHeader(h -> {
          h.put("exp", Instant.now().getEpochSecond() + 60);
          crit(h).add("exp");
        }).send()),
        refuse("custom member not in crit", 401, "SIGNATURE_CRITICAL_HEADER",
            t -> t.policy().editHeader(h -> h.put("traceId", "abc")).send()),
        refuse("crit omits idk", 401, "SIGNATURE_CRITICAL_HEADER",
            t -> t.policy().editHeader(h -> crit(h).remove("idk")).send()),
        refuse("crit lists an absent member", 401, "SIGNATURE_CRITICAL_HEADER", t -> {
          Request r = t.get("/v1/submissions/sub_00000000000000000000000000");
          return r.editHeader(h -> crit(h).add("idk")).send();
        }),
        // --- key -----------------------------------------------------------------------------------
        refuse("unknown kid", 401, "SIGNATURE_KEY_UNKNOWN",
            t -> t.policy().signer(TestSigner.generateEs256("unregistered-" + UUID.randomUUID())).send()),
        refuse("alg other than the key's", 401, "SIGNATURE_KEY_UNKNOWN", t -> {
          // Insurer B's Ed25519 key signs a header naming insurer A's ES256 kid with alg EdDSA.
          Request r = t.policy().signer(TestSigner.demo("demo-insurer-b-ed25519-1"));
          return r.editHeader(h -> h.put("kid", "demo-insurer-a-es256-1")).send();
        }),
        refuse("revoked kid", 401, "SIGNATURE_KEY_UNKNOWN", HostileRequestsEndToEndTest::revokedKey),
        refuse("kid of another connector", 401, "SIGNATURE_INVALID",
            t -> t.policy().editHeader(h -> h.put("kid", "demo-camera-vendor-es256-1")).send()),
        refuse("tampered body", 401, "SIGNATURE_INVALID", t -> {
          Request r = t.policy();
          String signature = r.signed();
          byte[] tampered = new String(r.body, StandardCharsets.UTF_8)
              .replace("\"premiumCollected\":\"", "\"premiumCollected\":\"1").getBytes(StandardCharsets.UTF_8);
          assertThat(tampered).isNotEqualTo(r.body);
          return r.signature(signature).body(tampered).send();
        }),
        refuse("signature bytes altered", 401, "SIGNATURE_INVALID", t -> {
          Request r = t.policy();
          String signature = r.signed();
          char last = signature.charAt(signature.length() - 3);
          return r.signature(signature.substring(0, signature.length() - 3) + (last == 'A' ? 'B' : 'A')
              + signature.substring(signature.length() - 2)).send();
        }),
        // --- bindings ------------------------------------------------------------------------------
        refuse("signed for another path", 401, "SIGNATURE_BINDING_MISMATCH",
            t -> t.policy().signedFor("POST", "/v1/devices").send(), mismatchOf("htp")),
        refuse("signed for another method", 401, "SIGNATURE_BINDING_MISMATCH",
            t -> t.policy().signedFor("PUT", "/v1/policies").send(), mismatchOf("htm")),
        refuse("cdg of other bytes", 401, "SIGNATURE_BINDING_MISMATCH",
            t -> t.policy().editHeader(h -> h.put("cdg", ContentDigest.of("{}".getBytes(StandardCharsets.UTF_8)))).send(),
            mismatchOf("cdg")),
        refuse("idk other than the header", 401, "SIGNATURE_BINDING_MISMATCH",
            t -> t.policy().editHeader(h -> h.put("idk", "another-key")).send(), mismatchOf("idk")),
        // --- time and replay -------------------------------------------------------------------------
        refuse("stale iat (-301 s)", 401, "SIGNATURE_EXPIRED",
            t -> t.policy().issuedAt(Instant.ofEpochSecond(Instant.now().getEpochSecond() - 301)).send(), serverTime()),
        // rounded up, so that the request's own latency (under a second) cannot bring it in
        refuse("future iat (+301 s)", 401, "SIGNATURE_EXPIRED",
            t -> t.policy().issuedAt(Instant.ofEpochSecond(Instant.now().getEpochSecond() + 1 + 301)).send(), serverTime()),
        refuse("replayed jti", 403, "SIGNATURE_REPLAYED", t -> {
          Request r = t.policy();
          r.signature(r.signed());
          EntityExchangeResult<byte[]> first = r.send();
          assertThat(first.getStatus().value()).as(SignedClient.text(first)).isEqualTo(201);
          return r.send();
        }),
        // --- guard before the signature ----------------------------------------------------------
        refuse("Content-Digest header mismatch", 400, "CONTENT_DIGEST_MISMATCH",
            t -> t.policy().header("Content-Digest", ContentDigest.of("{}".getBytes(StandardCharsets.UTF_8))).send()),
        refuse("Content-Digest in base64url", 400, "CONTENT_DIGEST_MISMATCH", t -> {
          Request r = t.policy();
          String digest = ContentDigest.of(r.body);
          return r.header("Content-Digest", digest.replace('+', '-').replace('/', '_').replace("=:", ":")).send();
        }),
        refuse("write without Idempotency-Key", 400, "IDEMPOTENCY_KEY_MISSING", t -> t.policy().withoutIdempotencyKey().send()),
        refuse("Idempotency-Key of 256 characters", 400, "IDEMPOTENCY_KEY_MISSING",
            t -> t.policy().idempotencyKey("k".repeat(256)).send()),
        refuse("oversized body with Content-Length", 413, "PAYLOAD_TOO_LARGE",
            t -> t.policy().body(oversized()).send()),
        refuse("oversized body, chunked", 413, "PAYLOAD_TOO_LARGE",
            t -> t.policy().body(oversized()).chunked().send()),
        refuse("1000 nested arrays", 400, "JSON_TOO_DEEP",
            t -> t.policy().body(("[".repeat(1000) + "]".repeat(1000)).getBytes(StandardCharsets.UTF_8)).send()),
        refuse("a 100 KiB string", 400, "JSON_STRING_TOO_LONG",
            t -> t.policy().body(("{\"policyId\":\"" + "x".repeat(100 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8)).send()),
        refuse("a 300-character property name", 400, "JSON_STRING_TOO_LONG",
            t -> t.policy().body(("{\"" + "n".repeat(300) + "\":1}").getBytes(StandardCharsets.UTF_8)).send()),
        refuse("duplicate property", 400, "DUPLICATE_JSON_PROPERTY", t -> t.policy()
            .body("{\"policyId\":\"pol-1\",\"policyId\":\"pol-2\"}".getBytes(StandardCharsets.UTF_8)).send()),
        refuse("invalid UTF-8", 400, "MALFORMED_JSON", t -> t.policy()
            .body(new byte[] {'{', '"', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}).send()),
        refuse("trailing garbage", 400, "MALFORMED_JSON", t -> {
          Request r = t.policy();
          return r.body((new String(r.body, StandardCharsets.UTF_8) + " x").getBytes(StandardCharsets.UTF_8)).send();
        }),
        refuse("two JSON documents", 400, "MALFORMED_JSON", t -> {
          Request r = t.policy();
          return r.body((new String(r.body, StandardCharsets.UTF_8) + "{}").getBytes(StandardCharsets.UTF_8)).send();
        }),
        refuse("empty body", 400, "MALFORMED_JSON", t -> t.policy().body(new byte[0]).send()),
        refuse("wrong Content-Type", 415, "UNSUPPORTED_MEDIA_TYPE", t -> t.policy().contentType("text/plain").send()),
        refuse("no Content-Type", 415, "UNSUPPORTED_MEDIA_TYPE", t -> t.policy().contentType(null).send()),
        refuse("charset other than UTF-8", 415, "UNSUPPORTED_MEDIA_TYPE",
            t -> t.policy().contentType("application/json; charset=ISO-8859-1").send()),
        // --- contract, validation and authorisation -------------------------------------------
        refuse("unknown path", 404, "NOT_FOUND", t -> t.get("/v1/no-such-resource").send()),
        refuse("wrong method", 405, "METHOD_NOT_ALLOWED", t -> t.policy().method("DELETE").send()),
        refuse("invalid USCC check character", 422, "VALIDATION_FAILED",
            t -> t.example("registerPolicy", "invalid-contractor-uscc-check").send(),
            error("/projects/0/contractor/uscc", "INVALID_USCC")),
        refuse("invalid resident id check digit", 422, "VALIDATION_FAILED",
            t -> t.example("registerPolicy", "invalid-worker-resident-id-check").send(),
            error("/projects/1/registeredWorkers/1/idNumber", "INVALID_RESIDENT_ID")),
        refuse("suspended connector", 403, "CONNECTOR_SUSPENDED", HostileRequestsEndToEndTest::suspendedConnector),
        refuse("vendor submitting an inspection", 403, "OPERATION_NOT_PERMITTED", t -> {
          Scenario.Prepared p = t.scenario.prepare("submitInspection", SpecExamples.firstValid("submitInspection"));
          return t.request(p).signer(t.scenario.vendor.signer()).send();
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void isRefusedWithItsCode(Case hostile) {
    EntityExchangeResult<byte[]> result = hostile.send().apply(this);

    assertThat(result.getStatus().value()).as(SignedClient.text(result)).isEqualTo(hostile.status());
    assertThat(result.getResponseHeaders().getContentType()).hasToString("application/problem+json");
    JsonNode problem = SignedClient.json(result);
    assertThat(problem.path("code").asString()).isEqualTo(hostile.code());
    assertThat(problem.path("status").asInt()).isEqualTo(hostile.status());
    String sentId = result.getRequestHeaders().getFirst("X-Request-Id");
    assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).isNotNull().isEqualTo(sentId);
    assertThat(problem.path("requestId").asString()).isEqualTo(sentId);
    if (hostile.status() == 401) {
      assertThat(result.getResponseHeaders().getFirst("WWW-Authenticate")).isEqualTo("Capillary-Signature");
    }
    hostile.more().accept(problem);
  }

  /** The control of the catalogue: the request every case bends is accepted as it is. */
  @Test
  void theUnbentRequestIsAccepted() {
    EntityExchangeResult<byte[]> result = policy().send();
    assertThat(result.getStatus().value()).as(SignedClient.text(result)).isEqualTo(201);
    EntityExchangeResult<byte[]> chunked = policy().chunked().send();
    assertThat(chunked.getStatus().value()).as(SignedClient.text(chunked)).isEqualTo(201);
  }

  /** Exactly the body limit passes the guard (the schema then refuses it); one byte more does not. */
  @Test
  void aBodyOfExactlyTheLimitPassesTheGuard() {
    String head = "{\"padding\":[";
    String tail = "0]}";
    StringBuilder json = new StringBuilder(MIB).append(head);
    while (json.length() + tail.length() < MIB) {
      json.append(json.length() + tail.length() + 2 <= MIB ? "0," : " ");
    }
    byte[] body = json.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    assertThat(body).hasSize(MIB);

    EntityExchangeResult<byte[]> result = policy().body(body).send();
    assertThat(result.getStatus().value()).as(SignedClient.text(result)).isEqualTo(422);
    assertThat(SignedClient.json(result).path("code").asString()).isEqualTo("VALIDATION_FAILED");
  }

  /**
   * Clients that hang up right after sending a write (before the answer) must not hurt the
   * gateway: the request is stored or not, but nothing else breaks — in particular the blocking
   * store work in flight is not interrupted (an interrupt closes H2's file channel, and with it the
   * embedded database, for everyone).
   */
  @Test
  void clientsHangingUpMidRequestDoNotHurtTheGateway(@org.springframework.beans.factory.annotation.Value("${local.server.port}") int port)
      throws Exception {
    for (int round = 0; round < 60; round++) {
      Request r = policy();
      String head = "POST /v1/policies HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Idempotency-Key: " + r.idempotencyKey + "\r\nCapillary-Signature: " + r.signed() + "\r\n"
          + "Content-Length: " + r.body.length + "\r\n\r\n";
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        socket.setSoLinger(true, 0); // RST on close: the server learns at once
        java.io.OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(r.body);
        out.flush();
        Thread.sleep(round % 20);
      }
    }
    Thread.sleep(500);
    EntityExchangeResult<byte[]> after = policy().send();
    assertThat(after.getStatus().value()).as(SignedClient.text(after)).isEqualTo(201);
  }

  // --- cases that need set-up -------------------------------------------------------------------

  private EntityExchangeResult<byte[]> revokedKey() {
    Scenario.Registered insurer = scenario.register("INSURER", null);
    EntityExchangeResult<byte[]> before = policy().signer(insurer.signer()).send();
    assertThat(before.getStatus().value()).as(SignedClient.text(before)).isEqualTo(201);
    EntityExchangeResult<byte[]> revoked = scenario.operator.write("POST",
        "/v1/admin/connectors/" + insurer.connectorId() + "/keys/" + insurer.kid() + "/revocation",
        "application/json", SpecExamples.firstValid("revokeConnectorKey"));
    assertThat(revoked.getStatus().is2xxSuccessful()).as(SignedClient.text(revoked)).isTrue();
    return policy().signer(insurer.signer()).send();
  }

  private EntityExchangeResult<byte[]> suspendedConnector() {
    Scenario.Registered insurer = scenario.register("INSURER", null);
    EntityExchangeResult<byte[]> before = policy().signer(insurer.signer()).send();
    assertThat(before.getStatus().value()).as(SignedClient.text(before)).isEqualTo(201);
    EntityExchangeResult<byte[]> suspended = scenario.operator.write("PATCH",
        "/v1/admin/connectors/" + insurer.connectorId(), "application/merge-patch+json", suspension());
    assertThat(suspended.getStatus().is2xxSuccessful()).as(SignedClient.text(suspended)).isTrue();
    return policy().signer(insurer.signer()).send();
  }

  private static JsonNode suspension() {
    return SpecExamples.of("updateConnector").stream()
        .filter(e -> e.name().equals("valid-suspend")).findFirst().orElseThrow().body().deepCopy();
  }

  // --- request building ---------------------------------------------------------------------------

  /** A valid registerPolicy of insurer A with fresh ids, signed and sent as is unless bent. */
  Request policy() {
    JsonNode body = scenario.prepare("registerPolicy", SpecExamples.firstValid("registerPolicy")).body();
    return new Request("POST", "/v1/policies", "application/json", SignedClient.JSON.writeValueAsBytes(body));
  }

  /** A signed GET. */
  Request get(String path) {
    Request r = new Request("GET", path, null, new byte[0]);
    r.idempotencyKey = null;
    return r;
  }

  /** An example of the contract, prepared by the scenario, as its client would send it. */
  Request example(String operationId, String name) {
    JsonNode body = SpecExamples.of(operationId).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().body();
    return request(scenario.prepare(operationId, body));
  }

  Request request(Scenario.Prepared p) {
    Request r = new Request(p.method(), p.path(), p.contentType(), SignedClient.JSON.writeValueAsBytes(p.body()));
    return r.signer(p.client().signer());
  }

  /** One request, correct unless a test bends it; signed at {@link #send()} unless a signature is set. */
  final class Request {
    String method;
    final String path;
    @Nullable String contentType;
    byte[] body;
    @Nullable String idempotencyKey = UUID.randomUUID().toString();
    boolean sendIdempotencyKey = true;
    TestSigner signer = scenario.insurerA.signer();
    @Nullable String signature;
    boolean signed = true;
    boolean chunked;
    @Nullable String signedMethod;
    @Nullable String signedPath;
    Instant issuedAt = Instant.now();
    final String jti = UUID.randomUUID().toString();
    final Map<String, List<String>> headers = new LinkedHashMap<>();

    Request(String method, String path, @Nullable String contentType, byte[] body) {
      this.method = method;
      this.path = path;
      this.contentType = contentType;
      this.body = body;
    }

    Request signer(TestSigner signer) {
      this.signer = signer;
      return this;
    }

    Request body(byte[] body) {
      this.body = body;
      return this;
    }

    Request method(String method) {
      this.method = method;
      return this;
    }

    Request contentType(@Nullable String contentType) {
      this.contentType = contentType;
      return this;
    }

    Request idempotencyKey(String key) {
      this.idempotencyKey = key;
      return this;
    }

    Request withoutIdempotencyKey() {
      this.sendIdempotencyKey = false;
      return this;
    }

    Request unsigned() {
      this.signed = false;
      return this;
    }

    Request chunked() {
      this.chunked = true;
      return this;
    }

    Request issuedAt(Instant issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    Request signedFor(String method, String path) {
      this.signedMethod = method;
      this.signedPath = path;
      return this;
    }

    Request header(String name, String value) {
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    /** Fixes the Capillary-Signature value sent. */
    Request signature(String signature) {
      this.signature = signature;
      return this;
    }

    /** The protected header a correct signature of this request has, to bend. */
    Map<String, Object> header() {
      return signer.header(signedMethod != null ? signedMethod : method, signedPath != null ? signedPath : path,
          body, idempotencyKey, issuedAt, jti);
    }

    /** Signs this request's header after an edit. */
    Request editHeader(Consumer<Map<String, Object>> edit) {
      Map<String, Object> header = header();
      edit.accept(header);
      return signature(signer.signHeader(header, body));
    }

    /** The correct signature of this request as it stands. */
    String signed() {
      return signer.sign(signedMethod != null ? signedMethod : method, signedPath != null ? signedPath : path,
          body, idempotencyKey, issuedAt, jti);
    }

    EntityExchangeResult<byte[]> send() {
      String requestId = "hostile-" + REQUEST_IDS.incrementAndGet();
      WebTestClient.RequestBodySpec spec = client.method(HttpMethod.valueOf(method)).uri(path)
          .header("X-Request-Id", requestId);
      if (contentType != null) {
        spec.header("Content-Type", contentType);
      }
      if (sendIdempotencyKey && idempotencyKey != null) {
        spec.header("Idempotency-Key", idempotencyKey);
      }
      if (signed) {
        spec.header("Capillary-Signature", signature != null ? signature : signed());
      }
      headers.forEach((name, values) -> spec.header(name, values.toArray(String[]::new)));
      WebTestClient.RequestHeadersSpec<?> ready = spec;
      if (chunked) {
        int half = body.length / 2;
        ready = spec.body(Flux.just(buffer(Arrays.copyOfRange(body, 0, half)),
            buffer(Arrays.copyOfRange(body, half, body.length))), DataBuffer.class);
      } else if (body.length > 0) {
        ready = spec.bodyValue(body);
      }
      return ready.exchange().expectBody().returnResult();
    }
  }

  // --- helpers ----------------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private static List<String> crit(Map<String, Object> header) {
    return (List<String>) header.get("crit");
  }

  private static String b64url(byte[] bytes) {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static DataBuffer buffer(byte[] bytes) {
    return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
  }

  private static byte[] oversized() {
    byte[] body = new byte[MIB + 1];
    Arrays.fill(body, (byte) ' ');
    body[0] = '[';
    body[body.length - 1] = ']';
    return body;
  }

  private static MACSigner macSigner(byte[] secret) {
    try {
      return new MACSigner(secret);
    } catch (com.nimbusds.jose.KeyLengthException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSASSASigner rsaSigner(TestSigner signer) {
    try {
      return new RSASSASigner(signer.key().toRSAKey());
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
