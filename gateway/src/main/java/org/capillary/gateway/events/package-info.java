/**
 * Platform events: hazard reported, major hazard, hazard overdue, obligation due soon and missed,
 * alert received. Recorded as CloudEvents 1.0 in the {@code event} table in commit order (the pull
 * feed, {@code GET /v1/events}) and pushed to subscribers at least once.
 *
 * <p>Push deliveries: {@code POST <subscription url>}, body the CloudEvent in structured mode
 * ({@code Content-Type: application/cloudevents+json}), exactly the bytes the feed serves, with
 * header {@code Capillary-Event-Signature}: a JWS (RFC 7515) in compact serialisation with a
 * detached payload (RFC 7515 appendix F, {@code <header>..<signature>}), ES256 by the gateway key
 * (kid in the header; public key at {@code /.well-known/jwks.json}), protected header {@code typ:
 * capillary-event+jws}; the detached payload is the body bytes. A receiver rebuilds {@code
 * header.base64url(body).signature} and verifies it. Deliveries are retried with exponential
 * back-off until a 2xx, and moved to DEAD_LETTER after the last attempt; receivers de-duplicate by
 * the CloudEvent {@code id} (a retry carries the same id and bytes).
 */
@NullMarked
package org.capillary.gateway.events;

import org.jspecify.annotations.NullMarked;
