package org.capillary.gateway.connector;

import java.util.Optional;

/**
 * The registered connectors and their signing keys, as the request pipeline needs them.
 *
 * <p>Lookups never block: implementations answer from an in-memory snapshot, so the signature
 * filter can call them on the event loop. The snapshot follows the database within the refresh
 * interval ({@code capillary.gateway.connectors.refresh-interval}, 5 s by default); changes made
 * through this replica's admin operations are visible as soon as their transaction commits
 * ({@link #refresh()}). Time-bound states (a key's notBefore/notAfter) are evaluated at lookup time
 * against the injected clock, not at refresh time.
 */
public interface ConnectorDirectory {

  /**
   * The key a request signature names, if it verifies signatures now.
   *
   * <p>Returns only keys that are ACTIVE, or RETIRING before their notAfter, with now inside
   * [notBefore, notAfter). A revoked, expired, not yet valid or unknown kid gives empty (which the
   * verifier reports as SIGNATURE_KEY_UNKNOWN). The key's connector may be suspended: the verifier
   * checks the signature first and then refuses a suspended connector with CONNECTOR_SUSPENDED, so
   * only the holder of the key learns that its connector is suspended.
   *
   * @param kid the JWS {@code kid}
   * @return the usable key with its connector, or empty
   */
  Optional<ConnectorKey> findUsableKey(String kid);

  /**
   * A connector by id, whatever its status.
   *
   * @param connectorId the id
   * @return the connector, or empty if none is registered
   */
  Optional<Connector> findConnector(String connectorId);

  /**
   * Reloads the snapshot from the store now. Blocking: call it from a thread that may block (the
   * admin operations call it after their transaction commits). A failed reload keeps the previous
   * snapshot and is retried at the next scheduled refresh.
   */
  void refresh();
}
