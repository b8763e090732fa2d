package org.capillary.gateway.ratelimit;

import java.time.Duration;

/**
 * The rate-limit response headers, in the structured-field form of the IETF draft
 * (draft-ietf-httpapi-ratelimit-headers-09): {@code RateLimit-Policy: "standard";q=100;w=1} and
 * {@code RateLimit: "standard";r=42;t=1}, plus {@code Retry-After} (RFC 9110, whole seconds) on
 * refusal.
 */
public final class RateLimitHeaders {

  /** The policy header: the plan's quota and window. */
  public static final String POLICY = "RateLimit-Policy";
  /** The state header: remaining quota and seconds until the bucket is full again. */
  public static final String LIMIT = "RateLimit";
  /** When to retry, in seconds. */
  public static final String RETRY_AFTER = "Retry-After";

  private RateLimitHeaders() {}

  /**
   * @param plan the plan
   * @return the RateLimit-Policy value, e.g. {@code "standard";q=100;w=1}
   */
  public static String policy(RatePlan plan) {
    return '"' + plan.name() + "\";q=" + plan.capacity() + ";w=" + ceilSeconds(plan.window());
  }

  /**
   * @param decision a decision
   * @return the RateLimit value, e.g. {@code "standard";r=42;t=1}; {@code t} is the time until the
   *     bucket is full again, rounded up
   */
  public static String limit(RateLimitDecision decision) {
    return '"' + decision.plan().name() + "\";r=" + decision.remaining() + ";t=" + ceilSeconds(decision.resetAfter());
  }

  /**
   * @param decision a refusal
   * @return the Retry-After value: whole seconds until a token is available, rounded up, at least 1
   */
  public static String retryAfter(RateLimitDecision decision) {
    return Long.toString(Math.max(1, ceilSeconds(decision.retryAfter())));
  }

  static long ceilSeconds(Duration d) {
    return d.getNano() == 0 ? d.getSeconds() : d.getSeconds() + 1;
  }
}
