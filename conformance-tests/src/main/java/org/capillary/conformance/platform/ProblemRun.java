package org.capillary.conformance.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a scenario of refusals observed: the exchange of each case, by case name.
 *
 * @param exchanges by case name, in the order sent
 */
public record ProblemRun(Map<String, Exchange> exchanges) {

  /** Copies, keeping the order. */
  public ProblemRun {
    exchanges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exchanges));
  }

  /** The exchange of a case. */
  public Optional<Exchange> of(String name) {
    return Optional.ofNullable(exchanges.get(name));
  }
}
