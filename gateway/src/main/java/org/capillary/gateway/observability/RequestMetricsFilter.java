package org.capillary.gateway.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.filter.FilterOrder;
import org.capillary.gateway.filter.RequestContext;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Records every request to the contract as the timer {@value #METRIC} (Prometheus:
 * {@code capillary_requests_seconds_count}, {@code _sum}, {@code _max}) with four tags:
 *
 * <ul>
 *   <li>{@code connector}: the authenticated connector's id, or {@code -} when the request was not
 *       authenticated (refused before or by the signature filter, or a public operation). Only ids
 *       of registered connectors appear — never a kid or anything else taken from the request — so
 *       the number of series is bounded by the registry, not by what callers send;
 *   <li>{@code operation}: the contract's operationId, or {@code unknown} for a path the contract
 *       does not have;
 *   <li>{@code outcome}: the problem code of a refusal, or ACCEPTED, REPLAYED, OK
 *       ({@link RequestOutcome}); CANCELLED when the client left before the answer;
 *   <li>{@code status}: the HTTP status.
 * </ul>
 *
 * <p>The measurement ends when the response is committed, that is once the handler, or
 * {@code ProblemExceptionHandler} for a refusal (which runs outside the filter chain), has set
 * the status; the time includes everything up to the first byte of the answer. Actuator paths are
 * not recorded here (Spring's {@code http.server.requests} covers them).
 */
@Component
@Order(RequestMetricsFilter.ORDER)
public class RequestMetricsFilter implements WebFilter {

  /**
   * Right after {@link FilterOrder#REQUEST_ID}, so that the request context exists and every
   * refusal of the pipeline (operation, guard, signature, …) is counted. Kept here rather than in
   * {@link FilterOrder}, which lists the steps of the intake pipeline; this filter only observes.
   */
  public static final int ORDER = FilterOrder.REQUEST_ID + 1;

  /** The metric name. */
  public static final String METRIC = "capillary.requests";

  /** The {@code connector} tag of a request without an authenticated connector. */
  static final String NO_CONNECTOR = "-";
  /** The {@code operation} tag of a request to a path the contract does not have. */
  static final String UNKNOWN_OPERATION = "unknown";

  private final Meter.MeterProvider<Timer> timers;

  /**
   * @param registry where the timer is registered
   */
  public RequestMetricsFilter(MeterRegistry registry) {
    this.timers = Timer.builder(METRIC)
        .description("Requests to the contract's operations, by connector, operation, outcome and status")
        .withRegistry(registry);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().value();
    if (path.equals("/actuator") || path.startsWith("/actuator/")) {
      return chain.filter(exchange);
    }
    long start = System.nanoTime();
    AtomicBoolean recorded = new AtomicBoolean();
    exchange.getResponse().beforeCommit(() -> {
      if (recorded.compareAndSet(false, true)) {
        record(exchange, start, RequestOutcome.of(exchange),
            RequestOutcome.status(exchange.getResponse().getStatusCode()));
      }
      return Mono.empty();
    });
    return chain.filter(exchange).doFinally(signal -> {
      if (signal == SignalType.CANCEL && recorded.compareAndSet(false, true)) {
        record(exchange, start, RequestOutcome.CANCELLED, "none");
      }
    });
  }

  private void record(ServerWebExchange exchange, long start, String outcome, String status) {
    RequestContext ctx = RequestContext.find(exchange);
    Connector connector = ctx == null ? null : ctx.connector();
    timers.withTags(Tags.of(
            "connector", connector == null ? NO_CONNECTOR : connector.connectorId(),
            "operation", operationOf(ctx),
            "outcome", outcome,
            "status", status))
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  private static String operationOf(@Nullable RequestContext ctx) {
    return ctx == null || ctx.operation() == null ? UNKNOWN_OPERATION : ctx.operation().operation().operationId();
  }
}
