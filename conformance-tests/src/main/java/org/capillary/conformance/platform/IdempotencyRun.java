package org.capillary.conformance.platform;

/**
 * The three requests of the idempotency scenario, all with one Idempotency-Key.
 *
 * @param first the original request
 * @param replay the same body again, freshly signed
 * @param otherBody another body under the same key
 */
public record IdempotencyRun(Exchange first, Exchange replay, Exchange otherBody) {}
