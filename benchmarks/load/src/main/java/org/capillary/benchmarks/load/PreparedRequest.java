package org.capillary.benchmarks.load;

import org.jspecify.annotations.Nullable;

/**
 * One request ready to send: signed before the phase, so the load generator only writes bytes.
 *
 * @param path the request target
 * @param body the exact body octets
 * @param idempotencyKey the Idempotency-Key, or {@code null} for an unsigned request
 * @param signature the Capillary-Signature value, or {@code null} for an unsigned request
 */
record PreparedRequest(String path, byte[] body, @Nullable String idempotencyKey, @Nullable String signature) {}
