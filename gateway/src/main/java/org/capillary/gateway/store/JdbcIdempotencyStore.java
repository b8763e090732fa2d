package org.capillary.gateway.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.capillary.gateway.error.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@link IdempotencyStore} on the {@code idempotency_record} table (PostgreSQL or H2 in PostgreSQL
 * mode). Every statement runs in its own short transaction; race safety comes from the primary key
 * ({@code INSERT ... ON CONFLICT DO NOTHING}, which both databases accept) and from
 * compare-and-set updates, never from locks held across the request.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {

  static final String IN_FLIGHT = "IN_FLIGHT";
  static final String COMPLETED = "COMPLETED";

  // A record can vanish between the insert and the select (released, purged) or change under a
  // take-over; each round re-decides from scratch, and a few rounds always suffice in practice.
  private static final int MAX_ROUNDS = 5;

  private final JdbcClient jdbc;
  private final Scheduler scheduler;
  private final Clock clock;
  private final Duration lease;
  private final Duration retention;

  /**
   * @param dataSource the gateway's DataSource
   * @param scheduler the bounded scheduler for blocking calls
   * @param clock the time source (lease and retention)
   * @param properties lease and retention
   */
  public JdbcIdempotencyStore(
      DataSource dataSource, Scheduler scheduler, Clock clock, StoreProperties properties) {
    this.jdbc = JdbcClient.create(dataSource);
    this.scheduler = scheduler;
    this.clock = clock;
    this.lease = properties.idempotencyLease();
    this.retention = properties.idempotencyRetention();
  }

  @Override
  public Mono<IdempotencyDecision> begin(
      String connectorId, String key, String bodyDigest, String operationId) {
    return StoreCalls.call(scheduler, () -> decide(connectorId, key, bodyDigest, operationId));
  }

  @Override
  public Mono<Void> release(String connectorId, String key) {
    return StoreCalls.<Void>call(scheduler, () -> {
      jdbc.sql("DELETE FROM idempotency_record WHERE connector_id = ? AND idem_key = ? AND state = ?")
          .params(connectorId, key, IN_FLIGHT)
          .update();
      return null;
    });
  }

  @Override
  public Mono<Integer> purgeExpired() {
    return StoreCalls.call(scheduler, () -> jdbc
        .sql("DELETE FROM idempotency_record WHERE expires_at <= ?")
        .param(StoreCalls.utc(clock.instant()))
        .update());
  }

  private IdempotencyDecision decide(
      String connectorId, String key, String bodyDigest, String operationId) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Instant now = clock.instant();
      OffsetDateTime created = StoreCalls.utc(now);
      int inserted = jdbc.sql("""
              INSERT INTO idempotency_record (connector_id, idem_key, body_digest, operation_id,
                  state, locked_until, created_at, expires_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT DO NOTHING""")
          .params(connectorId, key, bodyDigest, operationId, IN_FLIGHT,
              StoreCalls.utc(now.plus(lease)), created, StoreCalls.utc(now.plus(retention)))
          .update();
      if (inserted == 1) {
        return new IdempotencyDecision.Proceed(false);
      }
      Optional<Row> found = jdbc.sql("""
              SELECT body_digest, operation_id, state, locked_until, response_status, response_body
              FROM idempotency_record WHERE connector_id = ? AND idem_key = ?""")
          .params(connectorId, key)
          .query((rs, n) -> new Row(
              rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getObject(4, OffsetDateTime.class), (Integer) rs.getObject(5), rs.getBytes(6)))
          .optional();
      if (found.isEmpty()) {
        continue;
      }
      Row row = found.get();
      if (!row.bodyDigest().equals(bodyDigest) || !row.operationId().equals(operationId)) {
        throw new ProblemException("IDEMPOTENCY_KEY_REUSED",
            "this Idempotency-Key was first used with another request body or operation");
      }
      if (COMPLETED.equals(row.state())) {
        return new IdempotencyDecision.Replay(
            row.responseStatus() == null ? 201 : row.responseStatus(),
            row.responseBody() == null ? new byte[0] : row.responseBody());
      }
      Instant lockedUntil = row.lockedUntil().toInstant();
      if (lockedUntil.isAfter(now)) {
        throw inFlight(Duration.between(now, lockedUntil));
      }
      // The holder's lease ran out (it crashed or is very slow): take the record over. The
      // compare-and-set on the observed lease end lets exactly one of several contenders win.
      int taken = jdbc.sql("""
              UPDATE idempotency_record SET locked_until = ?
              WHERE connector_id = ? AND idem_key = ? AND state = ? AND locked_until = ?""")
          .params(StoreCalls.utc(now.plus(lease)), connectorId, key, IN_FLIGHT, row.lockedUntil())
          .update();
      if (taken == 1) {
        return new IdempotencyDecision.Proceed(true);
      }
    }
    throw inFlight(lease);
  }

  private static ProblemException inFlight(Duration remaining) {
    long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
    return new ProblemException("IDEMPOTENCY_IN_FLIGHT",
        "a request with this Idempotency-Key is still being processed",
        List.of(), Map.of(), Map.of("Retry-After", Long.toString(seconds)));
  }

  private record Row(
      String bodyDigest,
      String operationId,
      String state,
      OffsetDateTime lockedUntil,
      @Nullable Integer responseStatus,
      byte @Nullable [] responseBody) {}
}
