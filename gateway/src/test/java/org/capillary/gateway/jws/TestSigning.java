package org.capillary.gateway.jws;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.connector.ConnectorDirectory;
import org.capillary.gateway.connector.ConnectorKey;
import org.capillary.gateway.connector.KeyStatus;
import org.capillary.gateway.connector.Role;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test-only signing helper (the Stripe {@code generateSignatureHeader} pattern): makes requests
 * signed per spec/SIGNING.md, with every member open to tampering.
 */
final class TestSigning {

  static final long T = 1_772_415_000L;
  static final String PATH = "/v1/projects/FT-2026-000123/inspections";
  static final byte[] BODY =
      "{\"inspectionId\":\"INS-2026-0042\",\"type\":\"FIRST_KEY_HAZARD\"}".getBytes(StandardCharsets.UTF_8);
  static final String IDK = "6a1f4f2e-2c1d-4f3b-8e0a-9b7c5d3e1f20";
  static final String JTI = "3f0c7a52-8f0e-4c1b-9a55-2d9e8b1c6f47";

  static final Connector A = new Connector("test-connector-a", Role.INSURER, true, "standard", "91440300MA5DTE001K", List.of());
  static final Connector B = new Connector("test-connector-b", Role.INSURER, true, "standard", "91440300MA5DTE002N", List.of());
  static final Connector SUSPENDED =
      new Connector("test-connector-s", Role.DEVICE_VENDOR, false, "devices", "91440300MA5DTE003R", List.of());

  static final ECKey ES256_A = ec("a-es256");
  static final RSAKey PS256_A = rsa("a-ps256");
  static final OctetKeyPair ED25519_A = ed("a-ed25519");
  static final ECKey REVOKED_A = ec("a-es256-revoked");
  static final ECKey ES256_B = ec("b-es256");
  static final ECKey ES256_S = ec("s-es256");
  static final ECKey OUTSIDER = ec("outsider-es256");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TestSigning() {}

  /** A directory of the test keys, at {@link #T}. */
  static FakeDirectory directory() {
    FakeDirectory d = new FakeDirectory(Clock.fixed(Instant.ofEpochSecond(T), ZoneOffset.UTC));
    d.add(ES256_A, A, "ES256", KeyStatus.ACTIVE);
    d.add(PS256_A, A, "PS256", KeyStatus.ACTIVE);
    d.add(ED25519_A, A, "EdDSA", KeyStatus.ACTIVE);
    d.add(REVOKED_A, A, "ES256", KeyStatus.REVOKED);
    d.add(ES256_B, B, "ES256", KeyStatus.ACTIVE);
    d.add(ES256_S, SUSPENDED, "ES256", KeyStatus.ACTIVE);
    return d;
  }

  /** The default protected header of a request, as an editable member map. */
  static Map<String, Object> header(String alg, String kid, String method, String target, byte[] body, @Nullable String idk) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("alg", alg);
    h.put("typ", "capillary-request+jws");
    h.put("kid", kid);
    h.put("iat", T);
    h.put("jti", JTI);
    h.put("htm", method);
    h.put("htp", target);
    h.put("cdg", ContentDigest.of(body));
    List<String> crit = new ArrayList<>(List.of("iat", "jti", "htm", "htp", "cdg"));
    if (idk != null) {
      h.put("idk", idk);
      crit.add("idk");
    }
    h.put("crit", crit);
    return h;
  }

  static String json(Map<String, Object> header) {
    return JSON.writeValueAsString(header);
  }

  static String b64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The field value: header JSON signed (with {@code alg}'s primitive) over {@code body}. */
  static String sign(String headerJson, byte[] body, JWK key, String alg) {
    String h = b64url(headerJson.getBytes(StandardCharsets.UTF_8));
    byte[] input = (h + "." + b64url(body)).getBytes(StandardCharsets.US_ASCII);
    return h + ".." + signature(input, key, alg);
  }

  static String signature(byte[] input, JWK key, String alg) {
    try {
      JWSHeader header = new JWSHeader(JWSAlgorithm.parse(alg));
      JWSSigner signer;
      if (key instanceof ECKey ec) {
        signer = new ECDSASigner(ec);
      } else if (key instanceof RSAKey rsa) {
        signer = new RSASSASigner(rsa);
      } else {
        signer = new Ed25519Signer((OctetKeyPair) key);
      }
      return signer.sign(header, input).toString();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hmac(byte[] input, byte[] secret) {
    try {
      return new MACSigner(secret).sign(new JWSHeader(JWSAlgorithm.HS256), input).toString();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid POST signed with {@code key}. */
  static SignedRequest post(JWK key, String alg) {
    String value = sign(json(header(alg, key.getKeyID(), "POST", PATH, BODY, IDK)), BODY, key, alg);
    return new SignedRequest("POST", PATH, BODY, value, IDK, ContentDigest.of(BODY));
  }

  static ECKey ec(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static RSAKey rsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.PS256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static OctetKeyPair ed(String kid) {
    try {
      return new OctetKeyPairGenerator(Curve.Ed25519).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.EdDSA).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An in-memory directory with the same usability rules as the real one. */
  static final class FakeDirectory implements ConnectorDirectory {
    private final Map<String, ConnectorKey> keys = new HashMap<>();
    private Clock clock;

    FakeDirectory(Clock clock) {
      this.clock = clock;
    }

    void clock(Clock clock) {
      this.clock = clock;
    }

    void add(JWK privateKey, Connector connector, String alg, KeyStatus status) {
      keys.put(privateKey.getKeyID(), new ConnectorKey(privateKey.getKeyID(), connector, alg,
          privateKey.toPublicJWK(), status, Instant.ofEpochSecond(0), null));
    }

    void put(ConnectorKey key) {
      keys.put(key.kid(), key);
    }

    @Override
    public Optional<ConnectorKey> findUsableKey(String kid) {
      ConnectorKey k = keys.get(kid);
      return k != null && k.usableAt(clock.instant()) ? Optional.of(k) : Optional.empty();
    }

    @Override
    public Optional<Connector> findConnector(String connectorId) {
      return keys.values().stream().map(ConnectorKey::connector)
          .filter(c -> c.connectorId().equals(connectorId)).findFirst();
    }

    @Override
    public void refresh() {}

    ZoneId zone() {
      return clock.getZone();
    }
  }
}
