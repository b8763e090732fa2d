package org.capillary.gateway.media;

import org.capillary.gateway.filter.FilterOrder;
import org.capillary.gateway.filter.RequestContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The tus side of createUpload's 201 (the UploadCreated response): the declaration is stored and
 * answered by the intake like any write, with its SubmissionReceipt; just before the response is
 * committed this filter points {@code Location} at the upload ({@code /v1/uploads/{uploadId}}) and
 * adds {@code Tus-Resumable}, {@code Upload-Offset} (0, or the current offset when an idempotent
 * replay is answered from the store) and {@code Upload-Expires}. Runs before the idempotency
 * filter so that stored replays get the same headers. It also requires {@code Tus-Resumable:
 * 1.0.0} on the request.
 */
public final class UploadCreatedHeaders implements WebFilter, org.springframework.core.Ordered {

  /** Just before idempotency (after authentication and rate limits). */
  public static final int ORDER = FilterOrder.IDEMPOTENCY - 10;

  private final UploadRepository uploads;
  private final Scheduler scheduler;

  /**
   * @param uploads the upload table
   * @param scheduler where blocking reads run
   */
  public UploadCreatedHeaders(UploadRepository uploads, Scheduler scheduler) {
    this.uploads = uploads;
    this.scheduler = scheduler;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    RequestContext ctx = RequestContext.find(exchange);
    if (ctx == null || ctx.operation() == null || ctx.signature() == null
        || !UploadCreationEffect.OPERATION_ID.equals(ctx.requireOperation().operation().operationId())) {
      return chain.filter(exchange);
    }
    return Mono.defer(() -> {
      Tus.requireResumable(exchange.getRequest().getHeaders());
      ServerHttpResponse response = exchange.getResponse();
      response.beforeCommit(() -> decorate(response));
      return chain.filter(exchange);
    });
  }

  private Mono<Void> decorate(ServerHttpResponse response) {
    HttpHeaders headers = response.getHeaders();
    if (response.getStatusCode() == null || response.getStatusCode().value() != HttpStatus.CREATED.value()) {
      return Mono.empty();
    }
    String uploadId = UploadIds.ofSubmissionLocation(headers.getFirst(HttpHeaders.LOCATION));
    if (uploadId == null) {
      return Mono.empty();
    }
    return MediaCalls.call(scheduler, () -> uploads.find(uploadId))
        .doOnNext(found -> {
          headers.set(HttpHeaders.LOCATION, "/v1/uploads/" + uploadId);
          headers.set(Tus.RESUMABLE, Tus.VERSION);
          headers.set(Tus.UPLOAD_OFFSET, Long.toString(found.map(Upload::offset).orElse(0L)));
          Tus.expires(headers, found.orElse(null));
        })
        .then();
  }
}
