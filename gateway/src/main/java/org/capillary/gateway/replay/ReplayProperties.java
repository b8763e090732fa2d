package org.capillary.gateway.replay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Replay protection settings ({@code capillary.gateway.replay}).
 *
 * @param maxClockSkew how far a signature's issued-at may be from the gateway clock, either way;
 *     default 5 minutes. Exactly this far is accepted. Zero demands perfectly synchronised clocks;
 *     raise it only for connectors whose clocks cannot be kept in sync.
 * @param window how long a signature's unique id (jti) is remembered per connector; default 24 h
 *     (Open Finance Brasil). Must exceed twice {@code maxClockSkew}, or a signature could be replayed
 *     after its jti is forgotten and while its issued-at is still accepted.
 * @param maxEntries the embedded (in-process) cache's bound; default 1,000,000. When it is full of
 *     unexpired ids, new requests are refused with SERVICE_UNAVAILABLE rather than forgetting ids
 *     early. Not used by the Redis cache.
 */
@ConfigurationProperties("capillary.gateway.replay")
public record ReplayProperties(
    @DefaultValue("PT5M") Duration maxClockSkew,
    @DefaultValue("PT24H") Duration window,
    @DefaultValue("1000000") int maxEntries) {

  /**
   * @throws IllegalArgumentException if a value is out of range
   */
  public ReplayProperties {
    if (maxClockSkew.isNegative()) {
      throw new IllegalArgumentException("capillary.gateway.replay.max-clock-skew must not be negative");
    }
    if (window.compareTo(maxClockSkew.multipliedBy(2)) <= 0) {
      throw new IllegalArgumentException("capillary.gateway.replay.window must exceed twice max-clock-skew");
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("capillary.gateway.replay.max-entries must be at least 1");
    }
  }

  /** The defaults: 5 minutes skew, 24 h window, 1,000,000 entries. */
  public static ReplayProperties defaults() {
    return new ReplayProperties(Duration.ofMinutes(5), Duration.ofHours(24), 1_000_000);
  }
}
