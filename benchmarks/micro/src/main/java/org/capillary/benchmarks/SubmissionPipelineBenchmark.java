package org.capillary.benchmarks;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.capillary.gateway.config.GuardProperties;
import org.capillary.gateway.filter.JsonBodyParser;
import org.capillary.gateway.jws.RequestSignatureVerifier;
import org.capillary.gateway.jws.SignedRequest;
import org.capillary.gateway.jws.VerifiedSignature;
import org.capillary.gateway.ratelimit.LocalRateLimiter;
import org.capillary.gateway.ratelimit.RateLimitDecision;
import org.capillary.gateway.ratelimit.RatePlanProperties;
import org.capillary.gateway.receipt.GatewaySigningKey;
import org.capillary.gateway.receipt.Receipt;
import org.capillary.gateway.receipt.ReceiptSigner;
import org.capillary.gateway.replay.InMemoryReplayCache;
import org.capillary.gateway.replay.ReplayProperties;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.validation.ContractValidator;
import org.capillary.spec.validation.Violation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import org.springframework.util.unit.DataSize;

/**
 * The CPU one accepted submission costs the gateway without I/O: the work of the filter chain
 * and of the receipt, done by the gateway's own classes in the chain's order, on one pre-signed
 * ES256 inspection — guard parse ({@link JsonBodyParser}), signature ({@link RequestSignatureVerifier}:
 * digest, JWS, key, ES256 on Conscrypt, bindings), replay ({@link InMemoryReplayCache}, a fresh jti
 * each time), rate limit ({@link LocalRateLimiter}, a plan that never refuses), schema validation
 * ({@link ContractValidator}) and the receipt ({@link ReceiptSigner}). Left out, because they are
 * I/O: HTTP, the idempotency record, the ledger transaction and its effects.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SubmissionPipelineBenchmark {

  private Path keyDir;
  private byte[] body;
  private SignedRequest request;
  private JsonBodyParser parser;
  private RequestSignatureVerifier verifier;
  private InMemoryReplayCache replay;
  private LocalRateLimiter rateLimiter;
  private ContractValidator validator;
  private ReceiptSigner receipts;
  private long sequence;

  /** The components as the gateway configures them by default, and one signed request. */
  @Setup
  public void setUp() {
    JWK key = Fixtures.newKey("ES256");
    body = Fixtures.inspectionBody();
    request = Fixtures.signedRequest(key, body);
    parser = new JsonBodyParser(new GuardProperties(DataSize.ofMegabytes(1), Map.of(), 32, 65_536, 256));
    verifier = new RequestSignatureVerifier(Fixtures.directoryOf(key));
    replay = new InMemoryReplayCache(new ReplayProperties(Duration.ofMinutes(5), Duration.ofHours(24), 10_000_000),
        Clock.systemUTC());
    rateLimiter = new LocalRateLimiter(new RatePlanProperties(
        Map.of("standard", new RatePlanProperties.Plan(100_000_000L, Duration.ofSeconds(1)))), Clock.systemUTC());
    validator = ContractValidator.create(Contract.load());
    validator.preload();
    try {
      keyDir = Files.createTempDirectory("capillary-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    receipts = new ReceiptSigner(GatewaySigningKey.loadOrCreate(keyDir.resolve("gateway-signing-key.jwk.json")), "cn-440304");
    submit(); // fails here, not in the measurement, if any step refuses the fixture
  }

  /** Removes the temporary gateway key. */
  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(keyDir.resolve("gateway-signing-key.jwk.json"));
    Files.deleteIfExists(keyDir);
  }

  /**
   * One submission through every CPU step; returns the receipt.
   *
   * @return the signed receipt
   * @throws IllegalStateException if a step refuses the request
   */
  @Benchmark
  public String submit() {
    JsonNode json = parser.parse(request.body());
    VerifiedSignature signature = verifier.verify(request);
    String jti = "bench-jti-" + (++sequence) + "-0123456789";
    if (!Boolean.TRUE.equals(replay.markSeen(signature.connector().connectorId(), jti, Duration.ofHours(24)).block())) {
      throw new IllegalStateException("replay refused a fresh jti");
    }
    RateLimitDecision decision = rateLimiter.tryConsume(signature.connector()).block();
    if (decision == null || !decision.allowed()) {
      throw new IllegalStateException("rate limit refused: " + decision);
    }
    List<Violation> violations = validator.validate(Fixtures.OPERATION, json);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("invalid: " + violations);
    }
    return receipts.sign(new Receipt("sub_01JBENCH0000000000000000AA", signature.connector().connectorId(),
        Fixtures.OPERATION, "FT-T-BENCH-0001", signature.contentDigest(), sequence, java.time.Instant.now(), jti,
        Fixtures.IDEMPOTENCY_KEY));
  }

  /** The body the pipeline accepts (for the smoke test). */
  byte[] body() {
    return body;
  }
}
