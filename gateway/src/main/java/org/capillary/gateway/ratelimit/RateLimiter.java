package org.capillary.gateway.ratelimit;

import org.capillary.gateway.connector.Connector;
import reactor.core.publisher.Mono;

/**
 * Takes one token from a connector's bucket under its plan (bucket4j). Embedded default: buckets
 * in process; production: buckets in Redis (bucket4j Lettuce), shared by every replica.
 *
 * <p>Fails closed: if the bucket store cannot answer, the Mono errors and the request is refused.
 */
public interface RateLimiter {

  /**
   * Tries to consume one token.
   *
   * @param connector the connector
   * @return the decision, with what the RateLimit headers need
   */
  Mono<RateLimitDecision> tryConsume(Connector connector);
}
