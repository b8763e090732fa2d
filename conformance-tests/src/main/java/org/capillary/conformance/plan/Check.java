package org.capillary.conformance.plan;

import java.util.Set;

/**
 * One verifiable claim about the system under test: one class per check, named verb-noun
 * ({@code EnsureReceiptVerifies}, {@code CheckRetryReusesIdempotencyKey}), as in the OpenID
 * Foundation conformance suite. A check examines the context its scenario prepared and returns a
 * {@link CheckResult}; it never throws for a failed expectation (an exception is recorded as
 * {@link Status#ERROR}).
 *
 * @param <C> what the check examines: a platform under test, or what a sandbox received
 */
public interface Check<C> {

  /** The check's name; by default its class's simple name. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** One sentence: what must hold. */
  String description();

  /** The requirement ids ({@code x-req}, problem {@code req}, rule {@code R-xx}) this check verifies. */
  Set<String> requirements();

  /**
   * Whether the check is mandatory for certification. Mandatory checks cannot be deselected
   * (OBIE suite v2).
   */
  default boolean mandatory() {
    return true;
  }

  /**
   * Runs the check.
   *
   * @param context what the scenario prepared
   * @param transcript where to record evidence (exchanges, observations)
   * @return the outcome
   * @throws Exception an unexpected failure; the runner records it as {@link Status#ERROR}
   */
  CheckResult run(C context, Transcript transcript) throws Exception;
}
