package org.capillary.gateway.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capillary.gateway.filter.RequestContext;
import org.capillary.spec.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every failure of the gateway as one RFC 9457 {@code application/problem+json} document
 * with a stable code. Runs before Spring's default error handler, so no error reaches a client in
 * another shape. Anything that is not a {@link ProblemException} or a framework status exception
 * is a bug: it is logged with the request id and answered INTERNAL_ERROR without details.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);
  /** The problem media type. */
  public static final MediaType PROBLEM_JSON = MediaType.parseMediaType("application/problem+json");
  /** Exchange attribute holding the problem code of the rendered problem (read by the request metrics). */
  public static final String CODE_ATTRIBUTE = ProblemExceptionHandler.class.getName() + ".code";

  private final ProblemCatalog catalog;
  private final JsonMapper json = JsonMapper.builder().build();

  /**
   * @param catalog the problem codes of the contract
   */
  public ProblemExceptionHandler(ProblemCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(ex);
    }
    ProblemException problem = toProblem(ex, exchange);
    ProblemCatalog.Entry entry = catalog.get(problem.code());
    RequestContext ctx = RequestContext.find(exchange);
    String requestId = ctx != null ? ctx.requestId() : exchange.getRequest().getId();

    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", entry.type());
    doc.put("title", entry.title());
    doc.put("status", entry.status());
    if (problem.detail() != null) {
      doc.put("detail", problem.detail());
    }
    doc.put("instance", exchange.getRequest().getPath().value());
    doc.put("code", entry.code());
    doc.put("requestId", requestId);
    doc.put("retryable", isRetryable(entry));
    if (!problem.errors().isEmpty()) {
      List<Map<String, String>> errors = new ArrayList<>();
      for (Violation v : problem.errors()) {
        errors.add(Map.of("pointer", v.pointer(), "code", v.code(), "detail", v.detail()));
      }
      doc.put("errors", errors);
    }
    problem.extensions().forEach(doc::putIfAbsent);

    exchange.getAttributes().put(CODE_ATTRIBUTE, entry.code());
    response.setStatusCode(HttpStatusCode.valueOf(entry.status()));
    HttpHeaders headers = response.getHeaders();
    headers.setContentType(PROBLEM_JSON);
    headers.setCacheControl("no-store");
    problem.headers().forEach(headers::set);
    byte[] bytes = json.writeValueAsBytes(doc);
    DataBuffer buffer = response.bufferFactory().wrap(bytes);
    return response.writeWith(Mono.just(buffer));
  }

  private static boolean isRetryable(ProblemCatalog.Entry entry) {
    return entry.status() == 429 || entry.status() == 503 || entry.status() == 408
        || entry.code().equals("IDEMPOTENCY_IN_FLIGHT");
  }

  private ProblemException toProblem(Throwable ex, ServerWebExchange exchange) {
    if (ex instanceof ProblemException p) {
      return p;
    }
    if (ex instanceof ServerWebInputException) {
      return new ProblemException("INVALID_PARAMETER", "the request could not be read");
    }
    if (ex instanceof ResponseStatusException rse) {
      HttpStatusCode status = rse.getStatusCode();
      if (status.value() == HttpStatus.NOT_FOUND.value()) {
        return new ProblemException("NOT_FOUND", null);
      }
      if (status.value() == HttpStatus.METHOD_NOT_ALLOWED.value()) {
        return new ProblemException("METHOD_NOT_ALLOWED", null);
      }
      if (status.value() == HttpStatus.UNSUPPORTED_MEDIA_TYPE.value()) {
        return new ProblemException("UNSUPPORTED_MEDIA_TYPE", null);
      }
      if (status.value() == HttpStatus.NOT_ACCEPTABLE.value()) {
        return new ProblemException("NOT_ACCEPTABLE", null);
      }
      if (status.value() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
        return new ProblemException("PAYLOAD_TOO_LARGE", null);
      }
      if (status.is4xxClientError()) {
        return new ProblemException("INVALID_PARAMETER", null);
      }
    }
    RequestContext ctx = RequestContext.find(exchange);
    LOG.error("unexpected failure requestId={} {} {}", ctx != null ? ctx.requestId() : "-",
        exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), ex);
    return new ProblemException("INTERNAL_ERROR", "an unexpected error; nothing was stored");
  }
}
