package org.capillary.sdk.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.capillary.sdk.exception.ReceiptVerificationException;
import org.capillary.sdk.models.ReceiptClaims;
import org.capillary.sdk.testing.FakeGateway;
import org.capillary.sdk.testing.Vectors;
import org.junit.jupiter.api.Test;

/** The receipt vectors of spec/vectors/signing/receipts (CAP-SIG-19, CAP-SIG-20). */
class ReceiptVerifierTest {

  private static final String JWKS = Vectors.text("vectors/signing/keys/gateway.jwks.json");
  // The vector names the operation "createInspection" (SIGNING.md §11's example); see the report.
  private static final ReceiptVerifier.Expected EXPECTED = new ReceiptVerifier.Expected("test-connector-a",
      "createInspection", "sha-256=:VNktSIeZnUBDWaiwgyc3kD+NNl6zETb2O03LfM1l9fY=:",
      "9b2f6c1e-4a7d-4e0b-8f3a-5d1c2b7e9a40", List.of("01JNKQ8W3H5V7Z2M4X6C8B0D1E"), "cn-440304");

  private static ReceiptVerifier verifier() {
    return new ReceiptVerifier(new JwksCache(() -> JWKS, Clock.systemUTC(), Duration.ofMinutes(5)));
  }

  @Test
  void theValidVectorVerifies() {
    JsonNode v = Vectors.json("vectors/signing/receipts/receipt-valid-eddsa-post-inspection.json");
    ReceiptClaims claims = verifier().verify(v.get("receipt").asText(), EXPECTED);
    assertThat(claims.sequence()).isEqualTo(1042);
    assertThat(claims.issuedAt()).isEqualTo(Instant.ofEpochSecond(1772415003));
    assertThat(claims.submissionId()).isEqualTo("SUB-01JNKQ9A7M3T5X8Y2B4D6F8H0J");
  }

  @Test
  void theAlteredVectorFails() {
    JsonNode v = Vectors.json("vectors/signing/receipts/receipt-invalid-payload-altered.json");
    assertThatThrownBy(() -> verifier().verify(v.get("receipt").asText(), EXPECTED))
        .isInstanceOf(ReceiptVerificationException.class).hasMessageContaining("does not verify");
  }

  @Test
  void claimsMustMatchTheRequest() {
    String receipt = Vectors.json("vectors/signing/receipts/receipt-valid-eddsa-post-inspection.json").get("receipt").asText();
    assertThatThrownBy(() -> verifier().verify(receipt, new ReceiptVerifier.Expected("test-connector-b", "createInspection",
        EXPECTED.contentDigest(), EXPECTED.idempotencyKey(), EXPECTED.jtis(), null)))
        .isInstanceOf(ReceiptVerificationException.class).hasMessageContaining("cid");
    assertThatThrownBy(() -> verifier().verify(receipt, new ReceiptVerifier.Expected("test-connector-a", "createInspection",
        EXPECTED.contentDigest(), EXPECTED.idempotencyKey(), List.of("another-jti-0000000"), null)))
        .isInstanceOf(ReceiptVerificationException.class).hasMessageContaining("jti");
    assertThatThrownBy(() -> verifier().verify(receipt, new ReceiptVerifier.Expected("test-connector-a", "createInspection",
        EXPECTED.contentDigest(), EXPECTED.idempotencyKey(), EXPECTED.jtis(), "cn-440305")))
        .isInstanceOf(ReceiptVerificationException.class).hasMessageContaining("iss");
  }

  @Test
  void refusesWrongTypAndUnsignedAndRequestSignatures() {
    String wrongTyp = FakeGateway.signReceipt("{}", "vectors/signing/keys/test-gateway-ed25519-1.private.jwk.json")
        .replaceFirst("^[^.]+", com.nimbusds.jose.util.Base64URL.encode(
            "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"test-gateway-ed25519-1\"}").toString());
    assertThatThrownBy(() -> verifier().verify(wrongTyp, EXPECTED)).isInstanceOf(ReceiptVerificationException.class)
        .hasMessageContaining("typ");
    String none = com.nimbusds.jose.util.Base64URL.encode("{\"alg\":\"none\",\"typ\":\"capillary-receipt+jws\"}") + ".e30.";
    assertThatThrownBy(() -> verifier().verify(none, EXPECTED)).isInstanceOf(ReceiptVerificationException.class);
    String request = Vectors.signingCase("valid-eddsa-post-inspection").get("signature").asText();
    assertThatThrownBy(() -> verifier().verify(request, EXPECTED)).isInstanceOf(ReceiptVerificationException.class);
  }

  @Test
  void unknownKidRefetchesTheSetAtMostOncePerInterval() {
    AtomicInteger fetches = new AtomicInteger();
    AtomicReference<Instant> now = new AtomicReference<>(Instant.ofEpochSecond(1_000_000));
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    JwksCache cache = new JwksCache(() -> {
      fetches.incrementAndGet();
      return JWKS;
    }, clock, Duration.ofMinutes(5));

    assertThat(cache.key("test-gateway-ed25519-1")).isNotNull();
    assertThat(cache.key("test-gateway-ed25519-1")).isNotNull();
    assertThat(fetches).hasValue(1);
    assertThatThrownBy(() -> cache.key("rotated-in-later")).isInstanceOf(ReceiptVerificationException.class);
    assertThat(fetches).hasValue(1);
    now.set(now.get().plus(Duration.ofMinutes(5)));
    assertThatThrownBy(() -> cache.key("rotated-in-later")).isInstanceOf(ReceiptVerificationException.class);
    assertThatThrownBy(() -> cache.key("another-unknown")).isInstanceOf(ReceiptVerificationException.class);
    assertThat(fetches).hasValue(2);
  }
}
