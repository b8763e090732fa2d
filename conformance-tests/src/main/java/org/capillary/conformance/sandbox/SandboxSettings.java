package org.capillary.conformance.sandbox;

import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What a sandbox needs to play the platform for one connector.
 *
 * @param connectorId the connector's id: receipts name it ({@code cid})
 * @param connectorKeys the connector's registered public keys (its JWK Set); every key needs
 *     {@code kid} and {@code alg}
 * @param faults the faults to inject
 * @param clock the sandbox clock, for the {@code iat} window, receipts and arrival times
 * @param signatureWindow the accepted |clock − iat| (spec/SIGNING.md: 300 s)
 * @param issuer the platform id written into receipts ({@code iss})
 */
public record SandboxSettings(String connectorId, JWKSet connectorKeys, FaultScript faults, Clock clock,
    Duration signatureWindow, String issuer) {

  /** The default {@code iat} window of spec/SIGNING.md §6 step 7. */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(300);

  /** Validates. */
  public SandboxSettings {
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(connectorKeys, "connectorKeys");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(signatureWindow, "signatureWindow");
    Objects.requireNonNull(issuer, "issuer");
    if (connectorKeys.getKeys().stream().anyMatch(k -> k.isPrivate())) {
      throw new IllegalArgumentException("the connector's JWK Set must hold public keys only");
    }
  }

  /**
   * Settings with the default window and issuer {@code capillary-sandbox}.
   *
   * @param connectorId the connector's id
   * @param jwksJson the connector's public JWK Set as JSON
   * @param faults the faults to inject
   * @param clock the sandbox clock
   * @return the settings
   * @throws IllegalArgumentException if the JWK Set does not parse or holds private keys
   */
  public static SandboxSettings of(String connectorId, String jwksJson, FaultScript faults, Clock clock) {
    try {
      return new SandboxSettings(connectorId, JWKSet.parse(jwksJson), faults, clock, DEFAULT_WINDOW, "capillary-sandbox");
    } catch (ParseException e) {
      throw new IllegalArgumentException("the connector's JWK Set does not parse: " + e.getMessage(), e);
    }
  }

  /** These settings with another fault script. */
  public SandboxSettings withFaults(FaultScript other) {
    return new SandboxSettings(connectorId, connectorKeys, other, clock, signatureWindow, issuer);
  }
}
