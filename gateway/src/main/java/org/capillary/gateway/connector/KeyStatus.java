package org.capillary.gateway.connector;

/**
 * The life-cycle state of a connector's signing key ({@code Connector.json#/properties/keys}).
 *
 * <p>ACTIVE keys verify signatures within their validity window; RETIRING keys still verify until
 * their {@code notAfter} (the rotation overlap); REVOKED keys never verify again (CAP-SIG-04).
 */
public enum KeyStatus {
  ACTIVE,
  RETIRING,
  REVOKED
}
