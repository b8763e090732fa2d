package org.capillary.gateway.filter;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.capillary.gateway.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Request ids in and out: takes a well-formed {@code X-Request-Id} from the caller or makes one,
 * echoes it on every response (errors included), and writes one access-log line per request with
 * it, so a connector's support ticket can be traced through the logs.
 */
@Component
@Order(FilterOrder.REQUEST_ID)
public class RequestIdFilter implements WebFilter {

  /** The request id header. */
  public static final String HEADER = "X-Request-Id";

  private static final Logger ACCESS = LoggerFactory.getLogger("capillary.access");
  private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String given = exchange.getRequest().getHeaders().getFirst(HEADER);
    String requestId = given != null && VALID.matcher(given).matches() ? given : newId();
    RequestContext ctx = RequestContext.create(exchange, requestId);
    exchange.getResponse().getHeaders().set(HEADER, requestId);
    long start = System.nanoTime();
    return chain.filter(exchange).doFinally(signal -> {
      Connector connector = ctx.connector();
      MDC.put("requestId", requestId);
      try {
        ACCESS.info("requestId={} method={} path={} status={} connector={} operation={} micros={}",
            requestId,
            exchange.getRequest().getMethod(),
            exchange.getRequest().getPath().value(),
            exchange.getResponse().getStatusCode() == null ? "-" : exchange.getResponse().getStatusCode().value(),
            connector == null ? "-" : connector.connectorId(),
            ctx.operation() == null ? "-" : ctx.operation().operation().operationId(),
            (System.nanoTime() - start) / 1_000);
      } finally {
        MDC.remove("requestId");
      }
    });
  }

  private static String newId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return "req_" + HexFormat.of().formatHex(bytes);
  }
}
