package org.capillary.conformance.connector;

import java.time.Duration;
import org.capillary.conformance.plan.RunSettings;

/**
 * The fault parameters the connector plans read from the run's settings.
 * <ul>
 *   <li>{@value #RETRY_AFTER_SECONDS}: the {@code Retry-After} of injected 429 and 503 answers
 *       (default 2);</li>
 *   <li>{@value #SLOW_ANSWER_MILLIS}: how long a slow answer is held back (default 40 000, longer
 *       than any sane client timeout; a connector must time out and retry before it).</li>
 * </ul>
 */
public final class FaultSettings {

  /** Setting name. */
  public static final String RETRY_AFTER_SECONDS = "sandbox.retryAfterSeconds";
  /** Setting name. */
  public static final String SLOW_ANSWER_MILLIS = "sandbox.slowAnswerMillis";

  private FaultSettings() {}

  /** The Retry-After to announce. */
  public static Duration retryAfter(RunSettings settings) {
    return Duration.ofSeconds(Long.parseLong(settings.value(RETRY_AFTER_SECONDS).orElse("2")));
  }

  /** The delay of a slow answer. */
  public static Duration slowAnswer(RunSettings settings) {
    return Duration.ofMillis(Long.parseLong(settings.value(SLOW_ANSWER_MILLIS).orElse("40000")));
  }
}
