package org.capillary.sdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.capillary.sdk.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapillaryKeyCredentialTest {

  private static final Set<String> DEFERRED = Set.of("iat", "jti", "htm", "htp", "cdg", "idk");
  private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

  private static String pem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static JWSObject signed(CapillaryKeyCredential credential) throws Exception {
    SignedRequest s = JwsRequestSigner.create(credential, Clock.systemUTC()).sign("POST", "/v1/policies", BODY, "k");
    String[] p = s.headerValue().split("\\.", -1);
    return JWSObject.parse(p[0] + ".." + p[2], new Payload(BODY));
  }

  @Test
  void readsPkcs8PemOfEachAlgorithm() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair ecPair = ec.generateKeyPair();
    assertThat(signed(CapillaryKeyCredential.fromPem(pem(ecPair), "k-ec", SigningAlgorithm.ES256))
        .verify(new ECDSAVerifier((ECPublicKey) ecPair.getPublic(), DEFERRED))).isTrue();

    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair rsaPair = rsa.generateKeyPair();
    assertThat(signed(CapillaryKeyCredential.fromPem(pem(rsaPair), "k-rsa", SigningAlgorithm.PS256))
        .verify(new RSASSAVerifier((RSAPublicKey) rsaPair.getPublic(), DEFERRED))).isTrue();

    KeyPair edPair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] spki = edPair.getPublic().getEncoded();
    byte[] x = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    OctetKeyPair pub = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).build();
    assertThat(edPair.getPublic()).isInstanceOf(EdECPublicKey.class);
    assertThat(signed(CapillaryKeyCredential.fromPem(pem(edPair), "k-ed", SigningAlgorithm.EdDSA))
        .verify(new Ed25519Verifier(pub, DEFERRED))).isTrue();
  }

  @Test
  void readsPkcs12(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("k.p12");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit",
        "-alias", "conn", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=test", "-validity", "1")
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    CapillaryKeyCredential c = CapillaryKeyCredential.fromPkcs12(
        new ByteArrayInputStream(Files.readAllBytes(store)), "changeit".toCharArray(), "conn", "k-p12", SigningAlgorithm.ES256);
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    ks.load(Files.newInputStream(store), "changeit".toCharArray());
    ECPublicKey pub = (ECPublicKey) ks.getCertificate("conn").getPublicKey();
    assertThat(signed(c).verify(new ECDSAVerifier(pub, DEFERRED))).isTrue();
    assertThat(c.kid()).isEqualTo("k-p12");
  }

  @Test
  void readsTheVectorJwksAndNeverPrintsKeyMaterial() {
    String jwk = Vectors.text("vectors/signing/keys/test-ed25519-1.private.jwk.json");
    CapillaryKeyCredential c = CapillaryKeyCredential.fromJwk(jwk);
    assertThat(c.kid()).isEqualTo("test-ed25519-1");
    assertThat(c.algorithm()).isEqualTo(SigningAlgorithm.EdDSA);
    assertThat(c.toString()).doesNotContain("Jy6Y9rts8E").doesNotContain("FqjvGQjk");
  }

  @Test
  void refusesPublicKeysWrongAlgorithmsAndGarbage() {
    assertThatThrownBy(() -> CapillaryKeyCredential.fromJwk(Vectors.text("vectors/signing/keys/test-es256-1.public.jwk.json")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private");
    assertThatThrownBy(() -> SigningAlgorithm.fromJose("RS256")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CapillaryKeyCredential.fromPem("nope", "k", SigningAlgorithm.ES256))
        .isInstanceOf(IllegalArgumentException.class);
    String ecJwk = Vectors.text("vectors/signing/keys/test-es256-1.private.jwk.json");
    assertThatThrownBy(() -> CapillaryKeyCredential.fromJwk(ecJwk.replace("\"ES256\"", "\"PS256\"")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void es256SignsOnConscryptWhenItIsOnTheClassPathAndTheJdkVerifies() throws Exception {
    assertThat(EcdsaProvider.fastest()).as("conscrypt-openjdk-uber is a test dependency").isNotNull();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    CapillaryKeyCredential credential = CapillaryKeyCredential.fromPem(pem, "k-1", SigningAlgorithm.ES256);

    assertThat(credential.signer().getJCAContext().getProvider()).isSameAs(EcdsaProvider.fastest());
    JWSObject jws = new JWSObject(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.ES256), new Payload("body"));
    jws.sign(credential.signer());
    // verified on the JDK's own provider: the gateway cannot tell the signers apart
    assertThat(jws.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic()))).isTrue();
  }
}
