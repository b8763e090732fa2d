package org.capillary.benchmarks;

import com.nimbusds.jose.jwk.JWK;
import java.util.concurrent.TimeUnit;
import org.capillary.gateway.jws.RequestSignatureVerifier;
import org.capillary.gateway.jws.SignedRequest;
import org.capillary.gateway.jws.VerifiedSignature;
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
 * The gateway's own {@link RequestSignatureVerifier} on a signed POST of the inspection example:
 * everything the signature filter does per request — Idempotency-Key and Content-Digest checks,
 * body digest, parsing the detached JWS and its header, crit rules, key lookup, the signature,
 * and the method/path/digest/key bindings. Providers are the gateway's (Conscrypt for ES256 when
 * it loads, the JDK for PS256, Tink for EdDSA); the verifier cache is warm after the first call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RequestVerificationBenchmark {

  /** The connector key's algorithm. */
  @Param({"ES256", "PS256", "EdDSA"})
  public String alg;

  private RequestSignatureVerifier verifier;
  private SignedRequest request;

  /** A fresh key, a one-key directory, and one signed request: once per benchmark run. */
  @Setup
  public void setUp() {
    JWK key = Fixtures.newKey(alg);
    verifier = new RequestSignatureVerifier(Fixtures.directoryOf(key));
    request = Fixtures.signedRequest(key, Fixtures.inspectionBody());
    verifier.verify(request); // fails here, not in the measurement, if the fixture is wrong
  }

  /** One request verified, with its connector. */
  @Benchmark
  public VerifiedSignature verify() {
    return verifier.verify(request);
  }
}
