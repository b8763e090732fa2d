package org.capillary.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.filter.FilterOrder;
import org.capillary.gateway.filter.RequestContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Step 5 of the pipeline: one token per request of an authenticated connector, from the bucket of
 * its plan ({@link RateLimiter}). Requests without an authenticated connector pass untouched (the
 * signature filter has already refused those that needed one).
 *
 * <p>Every limited response carries {@code RateLimit-Policy} and {@code RateLimit}
 * ({@link RateLimitHeaders}). A refusal is RATE_LIMITED (429) with {@code Retry-After}.
 *
 * <p>Fails closed: if the limiter errors (Redis down or slow) or the connector's plan is not
 * configured, the request is refused with SERVICE_UNAVAILABLE (503) and {@code Retry-After: 1};
 * nothing is let through unlimited. Decisions are counted in
 * {@code capillary.ratelimit.decisions{connector,plan,outcome}} when a meter registry exists,
 * outcome being {@code allowed}, {@code limited} or {@code unavailable}.
 */
@Component
public final class RateLimitFilter implements WebFilter, Ordered {

  /** This filter's place in the pipeline. */
  public static final int ORDER = FilterOrder.RATE_LIMIT;

  /** The decision counter. */
  public static final String METRIC = "capillary.ratelimit.decisions";

  private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

  private final RateLimiter limiter;
  private final @Nullable MeterRegistry meters;
  private final Set<String> reportedPlans = ConcurrentHashMap.newKeySet();

  /**
   * @param limiter the limiter of the active profile
   * @param meters the meter registry, if any
   */
  public RateLimitFilter(RateLimiter limiter, ObjectProvider<MeterRegistry> meters) {
    this.limiter = limiter;
    this.meters = meters.getIfAvailable();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    RequestContext ctx = RequestContext.find(exchange);
    Connector connector = ctx == null ? null : ctx.connector();
    if (connector == null) {
      return chain.filter(exchange);
    }
    return Mono.defer(() -> limiter.tryConsume(connector))
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("rate limiter gave no decision")))
        .onErrorMap(e -> !(e instanceof ProblemException), e -> unavailable(connector, e))
        .flatMap(decision -> decide(exchange, chain, connector, decision));
  }

  private Mono<Void> decide(ServerWebExchange exchange, WebFilterChain chain, Connector connector, RateLimitDecision decision) {
    String policy = RateLimitHeaders.policy(decision.plan());
    String limit = RateLimitHeaders.limit(decision);
    HttpHeaders headers = exchange.getResponse().getHeaders();
    headers.set(RateLimitHeaders.POLICY, policy);
    headers.set(RateLimitHeaders.LIMIT, limit);
    if (decision.allowed()) {
      count(connector, decision.plan().name(), "allowed");
      return chain.filter(exchange);
    }
    count(connector, decision.plan().name(), "limited");
    // The headers are repeated in the problem so the error handler sets them whatever it does
    // with the headers already on the response.
    return Mono.error(new ProblemException(
        "RATE_LIMITED",
        "rate plan '" + decision.plan().name() + "' exhausted; retry after " + RateLimitHeaders.retryAfter(decision) + " s",
        List.of(),
        Map.of(),
        Map.of(
            RateLimitHeaders.POLICY, policy,
            RateLimitHeaders.LIMIT, limit,
            RateLimitHeaders.RETRY_AFTER, RateLimitHeaders.retryAfter(decision))));
  }

  private ProblemException unavailable(Connector connector, Throwable e) {
    if (e instanceof UnknownRatePlanException unknown) {
      if (reportedPlans.add(connector.connectorId() + '\n' + unknown.planName())) {
        log.error("connector {} refused: {}", connector.connectorId(), unknown.getMessage());
      }
    } else {
      log.warn("connector {} refused, rate limiter unavailable: {}", connector.connectorId(), e.toString());
    }
    count(connector, connector.ratePlan(), "unavailable");
    return new ProblemException(
        "SERVICE_UNAVAILABLE", "rate limiting is unavailable", List.of(), Map.of(), Map.of(RateLimitHeaders.RETRY_AFTER, "1"));
  }

  private void count(Connector connector, String plan, String outcome) {
    if (meters != null) {
      meters.counter(METRIC, "connector", connector.connectorId(), "plan", plan, "outcome", outcome).increment();
    }
  }
}
