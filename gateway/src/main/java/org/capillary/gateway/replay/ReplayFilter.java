package org.capillary.gateway.replay;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.filter.FilterOrder;
import org.capillary.gateway.filter.RequestContext;
import org.capillary.gateway.jws.VerifiedSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Step 3 of the pipeline, for requests with a verified signature: the issued-at must be within
 * {@link ReplayProperties#maxClockSkew()} of the gateway clock, either way, exactly that far
 * included (SIGNATURE_EXPIRED, 401); then the signature's jti must not have been seen from the
 * same connector within {@link ReplayProperties#window()} (SIGNATURE_REPLAYED, 403). The time
 * check comes first, so a stale signature never takes a place in the cache.
 *
 * <p>Fails closed: if the cache cannot answer (Redis down, in-process cache full), the request is
 * refused with SERVICE_UNAVAILABLE (503) and {@code Retry-After: 1}.
 */
@Component
public final class ReplayFilter implements WebFilter, Ordered {

  /** This filter's place in the pipeline. */
  public static final int ORDER = FilterOrder.REPLAY;

  private static final Logger log = LoggerFactory.getLogger(ReplayFilter.class);

  private final ReplayCache cache;
  private final ReplayProperties properties;
  private final Clock clock;

  /**
   * @param cache the cache of the active profile
   * @param properties skew and window
   * @param clock the gateway clock
   */
  public ReplayFilter(ReplayCache cache, ReplayProperties properties, Clock clock) {
    this.cache = cache;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    RequestContext ctx = RequestContext.find(exchange);
    VerifiedSignature signature = ctx == null ? null : ctx.signature();
    if (signature == null) {
      return chain.filter(exchange);
    }
    java.time.Instant now = clock.instant();
    Duration skew = Duration.between(signature.issuedAt(), now).abs();
    if (skew.compareTo(properties.maxClockSkew()) > 0) {
      // SIGNING.md §7: the gateway clock and the window, so a client can see its own clock is off;
      // a 401 carries the challenge.
      Map<String, Object> members = new LinkedHashMap<>(signature.debuggingAid().get());
      members.put("serverTime", now.getEpochSecond());
      members.put("maxSkewSeconds", properties.maxClockSkew().toSeconds());
      return Mono.error(new ProblemException("SIGNATURE_EXPIRED", "issued-at outside the accepted window", List.of(),
          members, Map.of("WWW-Authenticate", "Capillary-Signature")));
    }
    String connectorId = signature.connector().connectorId();
    return Mono.defer(() -> cache.markSeen(connectorId, signature.jti(), properties.window()))
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("replay cache gave no answer")))
        .onErrorMap(e -> !(e instanceof ProblemException), e -> unavailable(connectorId, e))
        .flatMap(first -> first
            ? chain.filter(exchange)
            : Mono.error(new ProblemException("SIGNATURE_REPLAYED", "this jti was already used by this connector",
                List.of(), signature.debuggingAid().get(), Map.of())));
  }

  private static ProblemException unavailable(String connectorId, Throwable e) {
    log.warn("connector {} refused, replay cache unavailable: {}", connectorId, e.toString());
    return new ProblemException(
        "SERVICE_UNAVAILABLE", "replay protection is unavailable", List.of(), Map.of(), Map.of("Retry-After", "1"));
  }
}
