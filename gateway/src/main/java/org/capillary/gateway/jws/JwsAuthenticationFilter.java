package org.capillary.gateway.jws;

import java.util.List;
import java.util.Objects;
import org.capillary.gateway.filter.FilterOrder;
import org.capillary.gateway.filter.RequestContext;
import org.capillary.spec.contract.OperationMatch;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Step 2 of the pipeline: authenticates every request to a contract operation that is not
 * {@code PUBLIC} by its detached JWS ({@link RequestSignatureVerifier}, spec/SIGNING.md), and
 * records the verified signature and the connector in the {@link RequestContext}.
 *
 * <p>Fails closed: any failure ends the exchange with the verifier's problem; nothing after this
 * filter runs without an authenticated connector. Runs on the calling thread: verification is
 * CPU-bound and short, and keys come from the directory's in-memory snapshot, so nothing blocks.
 *
 * <p>The body verified is {@link RequestContext#body()}, the exact bytes the guard read, or — for
 * an operation whose body is streamed (tus chunks) — the {@link StreamedBody} a spooling filter put
 * on the exchange before this one, read as a stream. A header
 * sent more than once is verified as its combined field value (RFC 9110 §5.3: the values joined
 * with ", "), which no valid signature, Idempotency-Key or Content-Digest matches.
 */
@Component
@Order(JwsAuthenticationFilter.ORDER)
public class JwsAuthenticationFilter implements WebFilter {

  /** {@link FilterOrder#SIGNATURE}. */
  public static final int ORDER = FilterOrder.SIGNATURE;

  private static final List<String> PUBLIC = List.of("PUBLIC");

  private final RequestSignatureVerifier verifier;

  /**
   * @param verifier the request signature verifier
   */
  public JwsAuthenticationFilter(RequestSignatureVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    RequestContext ctx = RequestContext.find(exchange);
    OperationMatch match = ctx == null ? null : ctx.operation();
    // SIGNING.md §1: OPTIONS (tus discovery) is not signed, like the public resources.
    if (ctx == null || match == null || PUBLIC.equals(match.operation().roles())
        || "OPTIONS".equals(match.operation().method())) {
      return chain.filter(exchange);
    }
    VerifiedSignature signature;
    try {
      // A streamed body (a tus chunk, spooled to storage before this filter) is verified as a
      // stream; every other body is the guard's in-memory copy.
      StreamedBody streamed = exchange.getAttribute(StreamedBody.ATTRIBUTE);
      signature = verifier.verify(signedRequest(exchange.getRequest(), ctx.body()), streamed);
    } catch (RuntimeException e) {
      return Mono.error(e);
    }
    ctx.signature(signature);
    ctx.connector(signature.connector());
    return chain.filter(exchange);
  }

  /**
   * The verifier's view of a request.
   *
   * @param request the request
   * @param body the exact body bytes
   * @return the signed request
   */
  static SignedRequest signedRequest(ServerHttpRequest request, byte[] body) {
    String rawQuery = request.getURI().getRawQuery();
    String target = request.getURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
    HttpHeaders headers = request.getHeaders();
    return new SignedRequest(
        request.getMethod().name(),
        target,
        body,
        combined(headers, SigningProfile.HEADER),
        combined(headers, "Idempotency-Key"),
        combined(headers, "Content-Digest"));
  }

  private static @Nullable String combined(HttpHeaders headers, String name) {
    List<String> values = headers.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    return values.size() == 1 ? values.get(0) : String.join(", ", values);
  }
}
