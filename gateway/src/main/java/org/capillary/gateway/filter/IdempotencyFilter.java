package org.capillary.gateway.filter;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capillary.gateway.jws.VerifiedSignature;
import org.capillary.gateway.store.IdempotencyDecision;
import org.capillary.gateway.store.IdempotencyStore;
import org.capillary.spec.contract.Operation;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Step 6: IETF Idempotency-Key semantics for every write. The same key with the same body digest
 * answers the stored response again, marked {@code Idempotent-Replayed: true}; the same key with
 * another body is IDEMPOTENCY_KEY_REUSED (422); a request still in flight is
 * IDEMPOTENCY_IN_FLIGHT (409). A request that fails before it is stored releases its key, so a
 * corrected body may reuse it. The ledger completes the record in the transaction that stores the
 * submission, so an acknowledged submission always has its stored response.
 */
@Component
@Order(FilterOrder.IDEMPOTENCY)
public class IdempotencyFilter implements WebFilter {

  /** Marks a response answered from the idempotency store. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private static final Pattern SUBMISSION_ID = Pattern.compile("\"submissionId\"\\s*:\\s*\"(sub_[0-9A-Z]{26})\"");

  private final IdempotencyStore store;

  /**
   * @param store the idempotency records
   */
  public IdempotencyFilter(IdempotencyStore store) {
    this.store = store;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    RequestContext ctx = RequestContext.find(exchange);
    if (ctx == null || ctx.operation() == null || ctx.signature() == null) {
      return chain.filter(exchange);
    }
    Operation op = ctx.requireOperation().operation();
    VerifiedSignature signature = ctx.requireSignature();
    if (!op.isWrite() || !op.hasJsonBody() || signature.idempotencyKey() == null) {
      return chain.filter(exchange);
    }
    String connectorId = signature.connector().connectorId();
    String key = signature.idempotencyKey();
    return store.begin(connectorId, key, ctx.contentDigest() == null ? "" : ctx.contentDigest(), op.operationId())
        .flatMap(decision -> {
          if (decision instanceof IdempotencyDecision.Replay replay) {
            return writeStored(exchange, replay);
          }
          return chain.filter(exchange)
              .onErrorResume(error -> store.release(connectorId, key).onErrorResume(e -> Mono.empty()).then(Mono.error(error)));
        });
  }

  private static Mono<Void> writeStored(ServerWebExchange exchange, IdempotencyDecision.Replay replay) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatusCode.valueOf(replay.status()));
    HttpHeaders headers = response.getHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(REPLAYED_HEADER, "true");
    Matcher m = SUBMISSION_ID.matcher(new String(replay.body(), StandardCharsets.UTF_8));
    if (m.find()) {
      headers.set(HttpHeaders.LOCATION, "/v1/submissions/" + m.group(1));
    }
    return response.writeWith(Mono.just(response.bufferFactory().wrap(replay.body())));
  }
}
