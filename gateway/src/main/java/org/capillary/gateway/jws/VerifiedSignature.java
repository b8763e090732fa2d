package org.capillary.gateway.jws;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.capillary.gateway.connector.Connector;
import org.jspecify.annotations.Nullable;

/**
 * A request signature that verified against an active key of an active connector, with the
 * members of its protected header that the later filters and the ledger need.
 *
 * @param connector the connector the key belongs to
 * @param kid the key id
 * @param alg the algorithm (ES256, PS256 or EdDSA)
 * @param issuedAt the signed {@code iat}
 * @param jti the signed unique id
 * @param idempotencyKey the signed {@code idk}, null for reads
 * @param contentDigest the signed {@code cdg}
 * @param headerValue the Capillary-Signature header exactly as received (kept in the ledger)
 * @param debuggingAid the SIGNING.md §7 members ({@code signingInput}, {@code signingInputSha256},
 *     {@code contentDigest}) for a later filter that refuses this signature (expired, replayed);
 *     computed only when asked for
 */
public record VerifiedSignature(
    Connector connector,
    String kid,
    String alg,
    Instant issuedAt,
    String jti,
    @Nullable String idempotencyKey,
    String contentDigest,
    String headerValue,
    Supplier<Map<String, Object>> debuggingAid) {

  public VerifiedSignature {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(alg, "alg");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(contentDigest, "contentDigest");
    Objects.requireNonNull(headerValue, "headerValue");
    Objects.requireNonNull(debuggingAid, "debuggingAid");
  }
}
