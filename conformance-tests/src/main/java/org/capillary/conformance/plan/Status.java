package org.capillary.conformance.plan;

/** The outcome of one check. */
public enum Status {
  /** The requirement holds. */
  PASS,
  /** The requirement does not hold: a certification blocker when the check is mandatory. */
  FAIL,
  /** The check could not be carried out (an unexpected exception, an unreachable target). */
  ERROR,
  /** The check does not apply to this target; the result says why. */
  NOT_APPLICABLE
}
