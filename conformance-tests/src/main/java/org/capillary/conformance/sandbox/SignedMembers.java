package org.capillary.conformance.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * The members of a request signature's protected header, as far as they could be read (a member
 * is {@code null} when absent or not of its type).
 *
 * @param alg the algorithm
 * @param kid the key id
 * @param iat the issued-at time, seconds
 * @param jti the signature's unique id
 * @param htm the signed method
 * @param htp the signed request target
 * @param cdg the signed content digest
 * @param idk the signed Idempotency-Key
 */
public record SignedMembers(@Nullable String alg, @Nullable String kid, @Nullable Long iat, @Nullable String jti,
    @Nullable String htm, @Nullable String htp, @Nullable String cdg, @Nullable String idk) {
}
