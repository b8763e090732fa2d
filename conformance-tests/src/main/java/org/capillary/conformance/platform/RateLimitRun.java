package org.capillary.conformance.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the rate-limit scenario observed.
 *
 * @param accepted an accepted write of a connector on its normal plan
 * @param burst the burst of a connector on a tiny plan, up to and including the first 429; empty
 *     when the run names no tiny plan
 * @param notApplicable why the burst was not sent, or {@code null}
 */
public record RateLimitRun(Exchange accepted, List<Exchange> burst, @Nullable String notApplicable) {

  /** Copies. */
  public RateLimitRun {
    burst = List.copyOf(burst);
  }
}
