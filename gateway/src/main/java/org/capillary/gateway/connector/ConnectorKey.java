package org.capillary.gateway.connector;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A registered public signing key of a connector, as the directory holds it in memory.
 *
 * @param kid the key id, unique across all connectors
 * @param connector the connector the key belongs to (possibly suspended: the verifier authenticates
 *     first and only then refuses a suspended connector with CONNECTOR_SUSPENDED)
 * @param alg the JWS algorithm the key is registered for (ES256, PS256 or EdDSA); a signature must
 *     name exactly this algorithm
 * @param publicKey the parsed public JWK; the same instance for as long as the key is registered,
 *     so verifiers built from it can be cached
 * @param status the stored life-cycle state
 * @param notBefore when the key starts to verify
 * @param notAfter when it stops verifying (exclusive), or null for no end
 */
public record ConnectorKey(
    String kid,
    Connector connector,
    String alg,
    JWK publicKey,
    KeyStatus status,
    Instant notBefore,
    @Nullable Instant notAfter) {

  public ConnectorKey {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(alg, "alg");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(notBefore, "notBefore");
  }

  /**
   * Whether the key verifies signatures at {@code now}: ACTIVE or RETIRING (never REVOKED) and
   * {@code notBefore <= now < notAfter}. The connector's own status is not considered here.
   *
   * @param now the gateway clock's instant
   * @return true if usable
   */
  public boolean usableAt(Instant now) {
    if (status == KeyStatus.REVOKED || now.isBefore(notBefore)) {
      return false;
    }
    if (status == KeyStatus.RETIRING && notAfter == null) {
      return false; // a retiring key always has an end; fail closed on inconsistent rows
    }
    return notAfter == null || now.isBefore(notAfter);
  }
}
