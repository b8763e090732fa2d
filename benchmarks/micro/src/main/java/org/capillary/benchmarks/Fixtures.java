package org.capillary.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.connector.ConnectorDirectory;
import org.capillary.gateway.connector.ConnectorKey;
import org.capillary.gateway.connector.KeyStatus;
import org.capillary.gateway.connector.Role;
import org.capillary.gateway.jws.ContentDigest;
import org.capillary.gateway.jws.SignedRequest;
import org.conscrypt.Conscrypt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inputs shared by the benchmarks: the contract's full inspection example as compact JSON, fresh
 * keys per algorithm, requests signed as spec/SIGNING.md says, and a one-key connector directory.
 * Keys are generated at set-up; nothing here is measured.
 */
final class Fixtures {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** The operation and path every signed request targets. */
  static final String OPERATION = "submitInspection";
  static final String PATH = "/v1/projects/FT-T-BENCH-0001/inspections";
  static final String IDEMPOTENCY_KEY = "0b5f3c1e-6a8d-4f5e-9c1b-2d7a4e8f9a10";

  /** The extension members a Capillary request signature lists in crit (SIGNING.md). */
  static final Set<String> CRIT = Set.of("iat", "jti", "htm", "htp", "cdg", "idk");

  private static final String EXAMPLE = "capillary/spec/examples/submitInspection/valid-full.json";
  /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows. */
  private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private Fixtures() {}

  /** The inspection example of the contract, compact (3,688 bytes of UTF-8). */
  static byte[] inspectionBody() {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(EXAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("the spec jar has no " + EXAMPLE);
      }
      JsonNode body = JSON.readTree(in.readAllBytes()).get("body"); // the example file is {summary, valid, body}
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The body of an operation's first valid example (files sorted by name), compact.
   *
   * @param operationId the operation
   * @return the body octets
   */
  static byte[] firstValidBody(String operationId) {
    String dir = "capillary/spec/examples/" + operationId + "/";
    for (String name : new String[] {"valid-full.json", "valid-minimal.json", "valid-dahua-workclothes.json", "valid-mixed.json"}) {
      try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(dir + name)) {
        if (in != null) {
          return JSON.writeValueAsBytes(JSON.readTree(in.readAllBytes()).get("body"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no known valid example for " + operationId);
  }

  /**
   * A fresh private key for an algorithm, with kid {@code bench-<alg>}.
   *
   * @param alg ES256, PS256 or EdDSA
   * @return the key
   */
  static JWK newKey(String alg) {
    try {
      return switch (alg) {
        case "ES256" -> new ECKeyGenerator(Curve.P_256).keyID("bench-es256").algorithm(JWSAlgorithm.ES256).generate();
        case "PS256" -> new RSAKeyGenerator(2048).keyID("bench-ps256").algorithm(JWSAlgorithm.PS256).generate();
        case "EdDSA" -> new OctetKeyPairGenerator(Curve.Ed25519).keyID("bench-eddsa").algorithm(JWSAlgorithm.EdDSA).generate();
        default -> throw new IllegalArgumentException(alg);
      };
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A nimbus signer for a private key, on the JDK's default providers. */
  static JWSSigner signer(JWK key) {
    try {
      if (key instanceof ECKey ec) {
        return new ECDSASigner(ec);
      }
      if (key instanceof RSAKey rsa) {
        return new RSASSASigner(rsa);
      }
      return new Ed25519Signer((OctetKeyPair) key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The Capillary-Signature of a POST of {@code body} to {@link #PATH}, as SIGNING.md builds it.
   *
   * @param key the private key, with alg and kid
   * @param body the exact body
   * @return the detached compact JWS
   */
  static String signRequest(JWK key, byte[] body) {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(key.getAlgorithm().getName()))
        .keyID(key.getKeyID())
        .type(new JOSEObjectType("capillary-request+jws"))
        .customParam("iat", Instant.now().getEpochSecond())
        .customParam("jti", "bench-jti-0123456789abcdef")
        .customParam("htm", "POST")
        .customParam("htp", PATH)
        .customParam("cdg", ContentDigest.of(body))
        .customParam("idk", IDEMPOTENCY_KEY)
        .criticalParams(new LinkedHashSet<>(List.of("iat", "jti", "htm", "htp", "cdg", "idk")))
        .build();
    JWSObject jws = new JWSObject(header, new Payload(body));
    try {
      jws.sign(signer(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize(true);
  }

  /** The request the gateway would see for a signed POST of {@code body}. */
  static SignedRequest signedRequest(JWK key, byte[] body) {
    return new SignedRequest("POST", PATH, body, signRequest(key, body), IDEMPOTENCY_KEY, ContentDigest.of(body));
  }

  /**
   * A directory that knows one key: the public half of {@code key}, ACTIVE, of an active insurer.
   *
   * @param key the private key
   * @return the directory
   */
  static ConnectorDirectory directoryOf(JWK key) {
    Connector connector = new Connector("bench-insurer", Role.INSURER, true, "standard", "91440300MA5EXAMPLE", List.of());
    ConnectorKey registered = new ConnectorKey(key.getKeyID(), connector, key.getAlgorithm().getName(),
        key.toPublicJWK(), KeyStatus.ACTIVE, Instant.EPOCH, null);
    return new ConnectorDirectory() {
      @Override
      public Optional<ConnectorKey> findUsableKey(String kid) {
        return registered.kid().equals(kid) ? Optional.of(registered) : Optional.empty();
      }

      @Override
      public Optional<Connector> findConnector(String connectorId) {
        return connector.connectorId().equals(connectorId) ? Optional.of(connector) : Optional.empty();
      }

      @Override
      public void refresh() {}
    };
  }

  /** The JDK (SunEC) public key of an Ed25519 JWK. */
  static PublicKey jdkEd25519PublicKey(OctetKeyPair key) {
    byte[] raw = key.getDecodedX();
    byte[] spki = new byte[ED25519_SPKI_PREFIX.length + raw.length];
    System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
    System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new Conscrypt provider instance (not installed globally). */
  static java.security.Provider conscrypt() {
    if (!Conscrypt.isAvailable()) {
      throw new IllegalStateException("Conscrypt's native library does not load on this platform");
    }
    return Conscrypt.newProvider();
  }

  /** ASCII bytes. */
  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** The signing input (header part, '.', base64url body) and the signature of a detached JWS. */
  record SigningInput(byte[] bytes, com.nimbusds.jose.util.Base64URL signature) {}

  /**
   * Splits a detached JWS of {@code body} into what a verifier checks.
   *
   * @param detached the Capillary-Signature value
   * @param body the body it signs
   * @return signing input and signature
   */
  static SigningInput signingInput(String detached, byte[] body) {
    int dot = detached.indexOf('.');
    String header = detached.substring(0, dot);
    String signature = detached.substring(detached.lastIndexOf('.') + 1);
    String payload = com.nimbusds.jose.util.Base64URL.encode(body).toString();
    return new SigningInput(ascii(header + "." + payload), new com.nimbusds.jose.util.Base64URL(signature));
  }

  /** The header nimbus verifiers are given: alg and crit only, as the gateway builds it. */
  static JWSHeader verifierHeader(String alg) {
    return new JWSHeader.Builder(JWSAlgorithm.parse(alg)).criticalParams(CRIT).build();
  }
}
