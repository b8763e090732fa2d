package org.capillary.gateway.ratelimit;

/**
 * A connector names a rate plan that is not configured. This is a configuration error, not a
 * caller error: the request is refused with SERVICE_UNAVAILABLE (fail closed) and the error is
 * logged, rather than answered RATE_LIMITED, which would tell the connector to slow down for a
 * fault that is the operator's.
 */
public final class UnknownRatePlanException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String planName;

  /**
   * @param planName the plan name that is not configured
   */
  public UnknownRatePlanException(String planName) {
    super("rate plan '" + planName + "' is not configured (capillary.gateway.rate-limit.plans)");
    this.planName = planName;
  }

  /** The plan name that is not configured. */
  public String planName() {
    return planName;
  }
}
