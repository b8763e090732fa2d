package org.capillary.gateway.compliance;

/** The states of an obligation (the profile's evaluation.states). */
public enum ObligationState {
  /** Not yet met; the due time is in the future or unknown. */
  PENDING,
  /** Met by evidence timed at or before the due time. */
  MET,
  /** Met by evidence timed after the due time. */
  MET_LATE,
  /** The due time has passed (or the closing event happened) and it is not met. */
  MISSED,
  /** The rule does not apply to the subject. */
  NOT_APPLICABLE
}
