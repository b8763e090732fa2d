package org.capillary.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.capillary.gateway.jws.ContentDigest;
import org.capillary.gateway.receipt.GatewaySigningKey;
import org.capillary.gateway.receipt.Receipt;
import org.capillary.gateway.receipt.ReceiptSigner;
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

/**
 * One receipt signed. {@code gatewayReceiptSigner} is the gateway's {@link ReceiptSigner} as it
 * is (ES256, on Conscrypt since RESULTS.md proposed it); the others sign the same claims with the same
 * header shape so the provider (and, for EdDSA, the algorithm) is the only difference.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReceiptSigningBenchmark {

  private Path keyDir;
  private ReceiptSigner gatewaySigner;
  private Receipt receipt;
  private Map<String, Object> claims;
  private JWSHeader es256Header;
  private JWSHeader eddsaHeader;
  private ECDSASigner es256Jdk;
  private ECDSASigner es256Conscrypt;
  private Ed25519Signer eddsaTink;
  private ECKey es256Key;
  private OctetKeyPair eddsaKey;

  /** The gateway key (in a temporary folder) and the signers: once per benchmark run. */
  @Setup
  public void setUp() throws IOException, JOSEException {
    keyDir = Files.createTempDirectory("capillary-bench");
    GatewaySigningKey key = GatewaySigningKey.loadOrCreate(keyDir.resolve("gateway-signing-key.jwk.json"));
    gatewaySigner = new ReceiptSigner(key, "cn-440304");
    receipt = new Receipt("sub_01JBENCH0000000000000000AA", "bench-insurer", Fixtures.OPERATION, "FT-T-BENCH-0001",
        ContentDigest.of(Fixtures.inspectionBody()), 123_456L, Instant.parse("2026-01-01T00:00:00Z"),
        "bench-jti-0123456789abcdef", Fixtures.IDEMPOTENCY_KEY);
    claims = new LinkedHashMap<>();
    claims.put("iss", "cn-440304");
    claims.put("sub", receipt.submissionId());
    claims.put("cid", receipt.connectorId());
    claims.put("op", receipt.operationId());
    claims.put("prj", receipt.projectId());
    claims.put("cdg", receipt.contentDigest());
    claims.put("seq", receipt.sequence());
    claims.put("iat", receipt.durableAt().getEpochSecond());
    claims.put("jti", receipt.jti());
    claims.put("idk", receipt.idempotencyKey());
    JOSEObjectType type = ReceiptSigner.TYPE;

    ECKey ec = (ECKey) Fixtures.newKey("ES256");
    es256Key = ec;
    es256Header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).keyID(ec.getKeyID()).build();
    es256Jdk = new ECDSASigner(ec);
    es256Conscrypt = new ECDSASigner(ec);
    es256Conscrypt.getJCAContext().setProvider(Fixtures.conscrypt());

    OctetKeyPair ed = (OctetKeyPair) Fixtures.newKey("EdDSA");
    eddsaKey = ed;
    eddsaHeader = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(type).keyID(ed.getKeyID()).build();
    eddsaTink = new Ed25519Signer(ed);
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(keyDir.resolve("gateway-signing-key.jwk.json"));
    Files.deleteIfExists(keyDir);
  }

  /** The gateway's receipt signer as it is today. */
  @Benchmark
  public String gatewayReceiptSigner() {
    return gatewaySigner.sign(receipt);
  }

  /** ES256 receipt, nimbus on the JDK's default provider. */
  @Benchmark
  public String es256Jdk() throws JOSEException {
    return sign(es256Header, es256Jdk);
  }

  /** ES256 receipt, nimbus on Conscrypt. */
  @Benchmark
  public String es256Conscrypt() throws JOSEException {
    return sign(es256Header, es256Conscrypt);
  }

  /** EdDSA receipt, nimbus on Tink. */
  @Benchmark
  public String eddsaTink() throws JOSEException {
    return sign(eddsaHeader, eddsaTink);
  }

  /** The ES256 key of {@link #es256Jdk()} and {@link #es256Conscrypt()}, for tests. */
  ECKey es256Key() {
    return es256Key;
  }

  /** The Ed25519 key of {@link #eddsaTink()}, for tests. */
  OctetKeyPair eddsaKey() {
    return eddsaKey;
  }

  private String sign(JWSHeader header, com.nimbusds.jose.JWSSigner signer) throws JOSEException {
    JWSObject jws = new JWSObject(header, new Payload(claims));
    jws.sign(signer);
    return jws.serialize();
  }
}
