package org.capillary.gateway.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

/**
 * A duration of a rule profile: {@code PT…} is exact elapsed time, {@code P…} calendar time in the
 * profile's time zone (P7D is the same local time seven days later).
 *
 * @param exact the elapsed time, when the value is a {@code PT…}
 * @param calendar the calendar period, when the value is a {@code P…} without time part
 */
public record ProfileDuration(Duration exact, Period calendar) {

  /**
   * @param iso an ISO 8601 duration, e.g. PT48H or P7D
   * @return the duration
   */
  public static ProfileDuration parse(String iso) {
    if (iso.startsWith("PT")) {
      return new ProfileDuration(Duration.parse(iso), Period.ZERO);
    }
    return new ProfileDuration(Duration.ZERO, Period.parse(iso));
  }

  /**
   * @param start the anchor
   * @param zone the zone calendar time is counted in
   * @return the anchor plus this duration
   */
  public Instant addTo(Instant start, ZoneId zone) {
    Instant t = start.plus(exact);
    return calendar.isZero() ? t : t.atZone(zone).plus(calendar).toInstant();
  }

  /**
   * @param k a factor
   * @return this duration k times (P6M × 2 = P12M: counted from the anchor, no month-end drift)
   */
  public ProfileDuration times(int k) {
    return new ProfileDuration(exact.multipliedBy(k), calendar.multipliedBy(k));
  }
}
