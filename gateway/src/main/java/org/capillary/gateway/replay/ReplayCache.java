package org.capillary.gateway.replay;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Remembers the unique ids ({@code jti}) of request signatures, per connector, for the replay
 * window. Embedded default: in-process; production: Redis, shared by every replica.
 *
 * <p>Implementations fail closed: when the store cannot answer, the returned Mono errors and the
 * request is refused with SERVICE_UNAVAILABLE rather than let through unchecked.
 */
public interface ReplayCache {

  /**
   * Records a jti atomically, if it was not already recorded.
   *
   * @param connectorId the connector
   * @param jti the signature's unique id
   * @param ttl how long to remember it
   * @return true if this is the first time the jti is seen from this connector within ttl
   */
  Mono<Boolean> markSeen(String connectorId, String jti, Duration ttl);
}
