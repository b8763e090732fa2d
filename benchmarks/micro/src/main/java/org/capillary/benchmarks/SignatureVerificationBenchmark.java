package org.capillary.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request signature verified, per algorithm and crypto provider, over the signing input of a
 * signed inspection (header and base64url body, about 5.4 KB). The verifiers are built once, as the
 * gateway's {@code JwsVerifierCache} builds them, and called the way {@code RequestSignatureVerifier}
 * calls them; only the provider differs between the ES256 (and PS256) variants.
 *
 * <ul>
 *   <li>{@code es256Jdk} / {@code es256Conscrypt}: nimbus {@link ECDSAVerifier} on the JDK's
 *       default provider (SunEC) or on Conscrypt (BoringSSL);
 *   <li>{@code ps256Jdk}: nimbus {@link RSASSAVerifier} on the JDK (what the gateway uses);
 *       {@code ps256ConscryptJca}: plain JCA {@code SHA256withRSA/PSS} on Conscrypt (nimbus cannot
 *       use Conscrypt for PS256: it asks for {@code RSASSA-PSS}, which Conscrypt does not name);
 *   <li>{@code eddsaTink}: nimbus {@link Ed25519Verifier}, which delegates to Tink (what the
 *       gateway uses); {@code eddsaJdk}: the JDK's own {@code Ed25519} (SunEC, JDK 15+).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SignatureVerificationBenchmark {

  private Fixtures.SigningInput es256;
  private Fixtures.SigningInput ps256;
  private Fixtures.SigningInput eddsa;
  private JWSHeader es256Header;
  private JWSHeader ps256Header;
  private JWSHeader eddsaHeader;
  private ECDSAVerifier es256JdkVerifier;
  private ECDSAVerifier es256ConscryptVerifier;
  private RSASSAVerifier ps256JdkVerifier;
  private Ed25519Verifier eddsaTinkVerifier;
  private RSAPublicKey ps256PublicKey;
  private PublicKey eddsaJdkPublicKey;
  private java.security.Provider conscrypt;

  /** Keys, signatures and verifiers: once per benchmark run. */
  @Setup
  public void setUp() throws JOSEException {
    byte[] body = Fixtures.inspectionBody();
    conscrypt = Fixtures.conscrypt();

    JWK es256Key = Fixtures.newKey("ES256");
    es256 = Fixtures.signingInput(Fixtures.signRequest(es256Key, body), body);
    es256Header = Fixtures.verifierHeader("ES256");
    es256JdkVerifier = new ECDSAVerifier(((ECKey) es256Key).toECPublicKey(), Fixtures.CRIT);
    es256ConscryptVerifier = new ECDSAVerifier(((ECKey) es256Key).toECPublicKey(), Fixtures.CRIT);
    es256ConscryptVerifier.getJCAContext().setProvider(conscrypt);

    JWK ps256Key = Fixtures.newKey("PS256");
    ps256 = Fixtures.signingInput(Fixtures.signRequest(ps256Key, body), body);
    ps256Header = Fixtures.verifierHeader("PS256");
    ps256PublicKey = ((RSAKey) ps256Key).toRSAPublicKey();
    ps256JdkVerifier = new RSASSAVerifier(ps256PublicKey, Fixtures.CRIT);

    JWK eddsaKey = Fixtures.newKey("EdDSA");
    eddsa = Fixtures.signingInput(Fixtures.signRequest(eddsaKey, body), body);
    eddsaHeader = Fixtures.verifierHeader("EdDSA");
    eddsaTinkVerifier = new Ed25519Verifier(((OctetKeyPair) eddsaKey).toPublicJWK(), Fixtures.CRIT);
    eddsaJdkPublicKey = Fixtures.jdkEd25519PublicKey((OctetKeyPair) eddsaKey);
  }

  /** ES256 on the JDK's default provider. */
  @Benchmark
  public boolean es256Jdk() throws JOSEException {
    return es256JdkVerifier.verify(es256Header, es256.bytes(), es256.signature());
  }

  /** ES256 on Conscrypt, as the gateway verifies it. */
  @Benchmark
  public boolean es256Conscrypt() throws JOSEException {
    return es256ConscryptVerifier.verify(es256Header, es256.bytes(), es256.signature());
  }

  /** PS256 on the JDK, as the gateway verifies it. */
  @Benchmark
  public boolean ps256Jdk() throws JOSEException {
    return ps256JdkVerifier.verify(ps256Header, ps256.bytes(), ps256.signature());
  }

  /** PS256 (RSASSA-PSS, SHA-256, MGF1-SHA-256, 32-byte salt) on Conscrypt through plain JCA. */
  @Benchmark
  public boolean ps256ConscryptJca() throws GeneralSecurityException {
    Signature s = Signature.getInstance("SHA256withRSA/PSS", conscrypt);
    s.initVerify(ps256PublicKey);
    s.update(ps256.bytes());
    return s.verify(ps256.signature().decode());
  }

  /** EdDSA through nimbus and Tink, as the gateway verifies it. */
  @Benchmark
  public boolean eddsaTink() throws JOSEException {
    return eddsaTinkVerifier.verify(eddsaHeader, eddsa.bytes(), eddsa.signature());
  }

  /** EdDSA on the JDK's own Ed25519 (SunEC). */
  @Benchmark
  public boolean eddsaJdk() throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(eddsaJdkPublicKey);
    s.update(eddsa.bytes());
    return s.verify(eddsa.signature().decode());
  }
}
