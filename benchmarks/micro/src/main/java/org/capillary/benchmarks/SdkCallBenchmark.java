package org.capillary.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.auth.JwsRequestSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the SDK adds to a call, in CPU before anything is sent: {@code unsigned} builds the
 * {@link HttpRequest} of a POST of the inspection (3,688 bytes, already serialised) with a request
 * id, as any HTTP client would; {@code signed} does the same plus what the SDK does for every write
 * — a fresh {@code Idempotency-Key} (random UUID) and the request signature of spec/SIGNING.md
 * ({@link JwsRequestSigner}: content digest, protected header, base64url of the body, the
 * signature). The difference of the two, in µs, is the SDK's overhead per call; it is reported per
 * key algorithm because the signature dominates it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SdkCallBenchmark {

  private static final URI TARGET = URI.create("http://127.0.0.1:8080" + Fixtures.PATH);

  /** The connector key's algorithm. */
  @Param({"ES256", "PS256", "EdDSA"})
  public String alg;

  private byte[] body;
  private com.nimbusds.jose.jwk.JWK key;
  private JwsRequestSigner signer;

  /** A fresh key as an SDK credential, and the body. */
  @Setup
  public void setUp() {
    key = Fixtures.newKey(alg);
    signer = JwsRequestSigner.create(CapillaryKeyCredential.fromJwk(key.toJSONString()), Clock.systemUTC());
    body = Fixtures.inspectionBody();
  }

  /**
   * The request without signature or idempotency key.
   *
   * @return the request
   */
  @Benchmark
  public HttpRequest unsigned() {
    return base().build();
  }

  /**
   * The request as the SDK sends a write: with a fresh idempotency key and a fresh signature.
   *
   * @return the request
   */
  @Benchmark
  public HttpRequest signed() {
    String idempotencyKey = UUID.randomUUID().toString();
    String signature = signer.sign("POST", Fixtures.PATH, body, idempotencyKey).headerValue();
    return base().header("Idempotency-Key", idempotencyKey).header("Capillary-Signature", signature).build();
  }

  /** The private key (for the smoke test, which verifies the signature with the gateway's verifier). */
  com.nimbusds.jose.jwk.JWK key() {
    return key;
  }

  /** The body (for the smoke test). */
  byte[] body() {
    return body;
  }

  private HttpRequest.Builder base() {
    return HttpRequest.newBuilder(TARGET)
        .header("Content-Type", "application/json")
        .header("X-Request-Id", "sdk-" + UUID.randomUUID())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }
}
