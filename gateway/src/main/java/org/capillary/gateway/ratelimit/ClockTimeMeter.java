package org.capillary.gateway.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/**
 * bucket4j time from the injected {@link Clock}, so tests drive refill without sleeping. Wall-clock
 * based: in the Redis profile the replicas compute bucket state from their own clocks, which must
 * therefore be synchronised (NTP), as for the issued-at window.
 */
final class ClockTimeMeter implements TimeMeter {

  private final Clock clock;

  ClockTimeMeter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public long currentTimeNanos() {
    Instant now = clock.instant();
    return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }
}
