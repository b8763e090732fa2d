package org.capillary.gateway.connector;

import com.nimbusds.jose.jwk.JWK;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The connector directory over the {@code connector} and {@code connector_key} tables.
 *
 * <p>Holds an immutable in-memory snapshot of every connector and every key that is not revoked,
 * with each key's JWK parsed once. A single daemon thread reloads the snapshot every refresh
 * interval; {@link #refresh()} reloads it at once (the admin operations call it after commit).
 * Lookups only read the current snapshot and the clock, so they never block and may run on the
 * event loop. A parsed JWK instance is carried over from one snapshot to the next while its row is
 * unchanged, so verifiers cached per key instance are built once per key, never per request.
 *
 * <p>Lifecycle: the first load runs when the bean is initialised and fails start-up if the
 * database cannot be read (fail closed: no snapshot, no service). Later failed reloads are logged
 * and keep the previous snapshot; the next interval retries.
 */
@Component
public class JdbcConnectorDirectory implements ConnectorDirectory, InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(JdbcConnectorDirectory.class);

  private record Snapshot(Map<String, Connector> connectors, Map<String, ConnectorKey> keys, Map<String, String> jwkJson) {
    static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of());
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration refreshInterval;
  private final Object refreshLock = new Object();
  private volatile Snapshot snapshot = Snapshot.EMPTY;
  private @Nullable ScheduledExecutorService scheduler;

  /**
   * @param jdbc the database
   * @param clock the gateway clock
   * @param properties the refresh interval
   */
  @Autowired
  public JdbcConnectorDirectory(JdbcClient jdbc, Clock clock, ConnectorProperties properties) {
    this(jdbc, clock, properties.refreshInterval());
  }

  /**
   * @param jdbc the database
   * @param clock the gateway clock
   * @param refreshInterval how often to reload the snapshot
   */
  public JdbcConnectorDirectory(JdbcClient jdbc, Clock clock, Duration refreshInterval) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
  }

  /** Loads the first snapshot and starts the periodic refresh. */
  @Override
  public void afterPropertiesSet() {
    start();
  }

  /**
   * Loads the first snapshot (blocking) and starts the periodic refresh; idempotent.
   *
   * @throws org.springframework.dao.DataAccessException if the first load fails
   */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    load();
    ScheduledExecutorService s =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "connector-directory-refresh");
          t.setDaemon(true);
          return t;
        });
    long millis = Math.max(1, refreshInterval.toMillis());
    s.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    scheduler = s;
  }

  /** Stops the periodic refresh. */
  @Override
  public synchronized void destroy() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public Optional<ConnectorKey> findUsableKey(String kid) {
    ConnectorKey key = snapshot.keys().get(kid);
    return key != null && key.usableAt(clock.instant()) ? Optional.of(key) : Optional.empty();
  }

  @Override
  public Optional<Connector> findConnector(String connectorId) {
    return Optional.ofNullable(snapshot.connectors().get(connectorId));
  }

  @Override
  public void refresh() {
    try {
      load();
    } catch (RuntimeException e) {
      log.warn("connector directory refresh failed; keeping the previous snapshot", e);
    }
  }

  private void load() {
    synchronized (refreshLock) {
      Snapshot previous = snapshot;
      Map<String, Connector> connectors = new HashMap<>();
      jdbc.sql("SELECT " + ConnectorRows.CONNECTOR_COLUMNS + " FROM connector")
          .query(rs -> {
            Connector c = ConnectorRows.connector(rs);
            connectors.put(c.connectorId(), c);
          });
      Instant now = clock.instant();
      Map<String, ConnectorKey> keys = new HashMap<>();
      Map<String, String> jwkJson = new HashMap<>();
      List<KeyRow> rows =
          jdbc.sql(
                  "SELECT kid, connector_id, alg, jwk_json, status, not_before, not_after"
                      + " FROM connector_key WHERE status <> 'REVOKED'"
                      + " AND (not_after IS NULL OR not_after > :now)")
              .param("now", ConnectorRows.timestamp(now))
              .query((rs, n) -> new KeyRow(
                  rs.getString("kid"),
                  rs.getString("connector_id"),
                  rs.getString("alg"),
                  rs.getString("jwk_json"),
                  KeyStatus.valueOf(rs.getString("status")),
                  Objects.requireNonNull(ConnectorRows.instant(rs, "not_before")),
                  ConnectorRows.instant(rs, "not_after")))
              .list();
      for (KeyRow row : rows) {
        Connector connector = connectors.get(row.connectorId());
        JWK jwk = parse(row, previous);
        if (connector == null || jwk == null) {
          continue;
        }
        keys.put(row.kid(), new ConnectorKey(
            row.kid(), connector, row.alg(), jwk, row.status(), row.notBefore(), row.notAfter()));
        jwkJson.put(row.kid(), row.jwkJson());
      }
      snapshot = new Snapshot(Map.copyOf(connectors), Map.copyOf(keys), Map.copyOf(jwkJson));
    }
  }

  private static @Nullable JWK parse(KeyRow row, Snapshot previous) {
    ConnectorKey known = previous.keys().get(row.kid());
    if (known != null && row.jwkJson().equals(previous.jwkJson().get(row.kid()))) {
      return known.publicKey();
    }
    try {
      JWK jwk = PublicJwks.parse(row.jwkJson());
      if (!row.kid().equals(jwk.getKeyID()) || !PublicJwks.fits(jwk, row.alg())) {
        throw new IllegalArgumentException("kid or alg differ from the row");
      }
      return jwk;
    } catch (IllegalArgumentException e) {
      // Fail closed for this key only: it cannot verify anything, the others still can.
      log.error("connector_key {} is unusable and ignored: {}", row.kid(), e.getMessage());
      return null;
    }
  }

  private record KeyRow(
      String kid, String connectorId, String alg, String jwkJson, KeyStatus status,
      Instant notBefore, @Nullable Instant notAfter) {}
}
