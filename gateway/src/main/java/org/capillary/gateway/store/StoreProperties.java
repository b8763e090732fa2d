package org.capillary.gateway.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the durable store (ledger, idempotency records), under {@code
 * capillary.gateway.store}. The same settings serve the embedded H2 database and PostgreSQL.
 *
 * @param idempotencyLease how long an IN_FLIGHT idempotency record belongs to the request that
 *     created it (default {@code PT30S}). A retry within the lease gets IDEMPOTENCY_IN_FLIGHT; after
 *     it, the record is taken over, so a gateway that died mid-request does not block the key until
 *     the record expires. Make it longer than the slowest request; the ledger's unique
 *     (connector, key) still prevents a double append if a slow request outlives its lease.
 * @param idempotencyRetention how long an idempotency record is kept after it was created (default
 *     {@code PT24H}, the minimum of the IETF Idempotency-Key draft and of the contract; a shorter
 *     value is refused at start-up)
 * @param janitorInterval how often expired idempotency records are purged (default {@code PT10M};
 *     zero disables the janitor, e.g. when an external job purges)
 * @param schedulerThreads threads that run blocking JDBC calls (default {@code 0}: the size of the
 *     Hikari pool, or 10 for another pool). More threads than connections only queue on the pool
 * @param schedulerQueue calls allowed to wait for a store thread before further calls are refused
 *     with SERVICE_UNAVAILABLE (default {@code 10000}): back-pressure instead of unbounded memory
 */
@ConfigurationProperties("capillary.gateway.store")
public record StoreProperties(
    @DefaultValue("PT30S") Duration idempotencyLease,
    @DefaultValue("PT24H") Duration idempotencyRetention,
    @DefaultValue("PT10M") Duration janitorInterval,
    @DefaultValue("0") int schedulerThreads,
    @DefaultValue("10000") int schedulerQueue) {

  /** The minimum retention of idempotency records (STANDARDS.md: keys live at least 24 h). */
  public static final Duration MINIMUM_RETENTION = Duration.ofHours(24);

  /**
   * @throws IllegalArgumentException if the lease is not positive, the retention is shorter than
   *     {@link #MINIMUM_RETENTION} or the lease, or a size is negative
   */
  public StoreProperties {
    if (idempotencyLease.isNegative() || idempotencyLease.isZero()) {
      throw new IllegalArgumentException("idempotency-lease must be positive");
    }
    if (idempotencyRetention.compareTo(MINIMUM_RETENTION) < 0
        || idempotencyRetention.compareTo(idempotencyLease) < 0) {
      throw new IllegalArgumentException("idempotency-retention must be at least PT24H and the lease");
    }
    if (janitorInterval.isNegative()) {
      throw new IllegalArgumentException("janitor-interval must not be negative");
    }
    if (schedulerThreads < 0 || schedulerQueue < 1) {
      throw new IllegalArgumentException("scheduler-threads >= 0 and scheduler-queue >= 1 required");
    }
  }

  /** The defaults, as documented above. */
  public static StoreProperties defaults() {
    return new StoreProperties(
        Duration.ofSeconds(30), MINIMUM_RETENTION, Duration.ofMinutes(10), 0, 10_000);
  }
}
