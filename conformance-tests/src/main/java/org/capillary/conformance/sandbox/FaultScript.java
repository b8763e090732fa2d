package org.capillary.conformance.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which requests get which {@link Fault}. A rule names an operation and the occurrence of a valid
 * request for it (1 for the first) and fires once; requests the sandbox refuses as invalid never
 * get a fault. Immutable; {@link #none()} injects nothing.
 *
 * <pre>{@code
 * FaultScript script = FaultScript.none()
 *     .and("submitInspection", 1, new Fault.TooManyRequests(Duration.ofSeconds(1)));
 * }</pre>
 *
 * @param rules the rules, in the order given
 */
public record FaultScript(List<Rule> rules) {

  /** Copies. */
  public FaultScript {
    rules = List.copyOf(rules);
  }

  /** A script without faults. */
  public static FaultScript none() {
    return new FaultScript(List.of());
  }

  /**
   * This script with one more rule.
   *
   * @param operationId the operation whose request gets the fault, or {@code *} for any write
   * @param occurrence which valid request of it, 1 for the first
   * @param fault the fault
   * @return a new script
   */
  public FaultScript and(String operationId, int occurrence, Fault fault) {
    List<Rule> more = new ArrayList<>(rules);
    more.add(new Rule(operationId, occurrence, fault));
    return new FaultScript(more);
  }

  /**
   * The fault for a request, if a rule names it.
   *
   * @param operationId the request's operation
   * @param occurrence the request's occurrence among valid requests of that operation
   * @param write whether the operation is a write (for {@code *} rules)
   * @param writeOccurrence the request's occurrence among valid writes
   * @return the fault
   */
  public Optional<Fault> faultFor(String operationId, int occurrence, boolean write, int writeOccurrence) {
    for (Rule r : rules) {
      if (r.operationId().equals(operationId) && r.occurrence() == occurrence) {
        return Optional.of(r.fault());
      }
      if (write && r.operationId().equals("*") && r.occurrence() == writeOccurrence) {
        return Optional.of(r.fault());
      }
    }
    return Optional.empty();
  }

  /**
   * One rule.
   *
   * @param operationId an operation id, or {@code *} for any write
   * @param occurrence 1 for the first valid request of it
   * @param fault the fault
   */
  public record Rule(String operationId, int occurrence, Fault fault) {
    /** Validates. */
    public Rule {
      Objects.requireNonNull(operationId, "operationId");
      Objects.requireNonNull(fault, "fault");
      if (occurrence < 1) {
        throw new IllegalArgumentException("occurrence must be at least 1");
      }
    }
  }
}
