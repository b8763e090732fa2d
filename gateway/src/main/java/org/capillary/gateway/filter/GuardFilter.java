package org.capillary.gateway.filter;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.capillary.gateway.config.GuardProperties;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.jws.ContentDigest;
import org.capillary.spec.contract.Operation;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Step 1 of the pipeline: content type, body size, then JSON structure limits — before anything
 * is parsed into objects. The body is read once, bounded, and kept as the exact bytes received
 * (the signature, the idempotency digest and the ledger all use those bytes). A declared length
 * over the limit is refused before reading; an undeclared one is cut off at the limit.
 */
@Component
@Order(FilterOrder.GUARD)
public class GuardFilter implements WebFilter {

  private final GuardProperties limits;
  private final JsonBodyParser parser;

  /**
   * @param limits the guard's limits
   */
  public GuardFilter(GuardProperties limits) {
    this.limits = limits;
    this.parser = new JsonBodyParser(limits);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return Mono.defer(() -> guard(exchange, chain));
  }

  private Mono<Void> guard(ServerWebExchange exchange, WebFilterChain chain) {
    RequestContext ctx = RequestContext.find(exchange);
    if (ctx == null || ctx.operation() == null) {
      return chain.filter(exchange);
    }
    Operation op = ctx.requireOperation().operation();
    ServerHttpRequest request = exchange.getRequest();
    if (!op.hasJsonBody()) {
      if (op.requestContentTypes().isEmpty()) {
        ctx.contentDigest(ContentDigest.of(new byte[0]));
      }
      // Streamed bodies (tus chunks) are guarded by the media handler, which never buffers them.
      return chain.filter(exchange);
    }
    checkContentType(request, op);
    long limit = limits.limitFor(op.operationId());
    long declared = request.getHeaders().getContentLength();
    if (declared > limit) {
      return Mono.error(new ProblemException("PAYLOAD_TOO_LARGE", "the limit of this operation is " + limit + " bytes"));
    }
    return DataBufferUtils.join(request.getBody(), (int) Math.min(Integer.MAX_VALUE - 8, limit))
        .onErrorMap(DataBufferLimitException.class,
            e -> new ProblemException("PAYLOAD_TOO_LARGE", "the limit of this operation is " + limit + " bytes"))
        .map(GuardFilter::toBytes)
        .defaultIfEmpty(new byte[0])
        .flatMap(body -> {
          ctx.body(body);
          ctx.contentDigest(ContentDigest.of(body));
          ctx.json(parser.parse(body));
          return chain.filter(exchange);
        });
  }

  private static void checkContentType(ServerHttpRequest request, Operation op) {
    MediaType type = request.getHeaders().getContentType();
    if (type == null) {
      throw new ProblemException("UNSUPPORTED_MEDIA_TYPE", "Content-Type is required: " + String.join(", ", op.requestContentTypes()));
    }
    boolean accepted = op.requestContentTypes().stream()
        .map(MediaType::parseMediaType)
        .anyMatch(allowed -> allowed.getType().equalsIgnoreCase(type.getType())
            && allowed.getSubtype().equalsIgnoreCase(type.getSubtype()));
    if (!accepted) {
      throw new ProblemException("UNSUPPORTED_MEDIA_TYPE", "this operation accepts " + String.join(", ", op.requestContentTypes()));
    }
    Charset charset;
    try {
      charset = type.getCharset();
    } catch (RuntimeException e) {
      throw new ProblemException("UNSUPPORTED_MEDIA_TYPE", "unknown charset");
    }
    if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
      throw new ProblemException("UNSUPPORTED_MEDIA_TYPE", "JSON bodies are UTF-8");
    }
  }

  private static byte[] toBytes(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }
}
