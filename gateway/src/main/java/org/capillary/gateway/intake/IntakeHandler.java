package org.capillary.gateway.intake;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.capillary.gateway.admin.AdminEffects;
import org.capillary.gateway.filter.IdempotencyFilter;
import org.capillary.gateway.filter.RequestContext;
import org.capillary.gateway.jws.VerifiedSignature;
import org.capillary.gateway.receipt.Receipt;
import org.capillary.gateway.receipt.ReceiptSigner;
import org.capillary.gateway.store.Ledger;
import org.capillary.gateway.store.LedgerAppendListener;
import org.capillary.gateway.store.NewSubmission;
import org.capillary.gateway.store.ReceiptIssuer;
import org.capillary.gateway.store.StoredSubmission;
import org.capillary.gateway.store.SubmissionEffect;
import org.capillary.gateway.store.SubmissionEffects;
import org.capillary.spec.contract.Operation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Steps 8 and 9: a request that passed every filter is appended to the ledger — raw bytes,
 * signature header, digest, connector, operation, subject project, time, sequence number, outbox
 * row and the operation's effects, in one transaction — and only then answered 201 with the
 * receipt signed by the gateway key. A write without a body (deleteSubscription) is stored the
 * same way, its signature covering the empty body, and answered 204 without a body; the status of
 * its submission, with the receipt, is at the Location given.
 *
 * <p>After a new append the {@link LedgerAppendListener}s are told (e.g. to project it at once).
 */
@Component
public class IntakeHandler {

  private final Ledger ledger;
  private final SubmissionEffects effects;
  private final AdminEffects adminEffects;
  private final ReceiptIssuer receiptIssuer;
  private final List<LedgerAppendListener> listeners;

  /**
   * @param ledger the ledger
   * @param effects the effects of each operation
   * @param adminEffects the effects of the operator's connector operations
   * @param signer the receipt signer
   * @param listeners told after each new append
   */
  public IntakeHandler(Ledger ledger, SubmissionEffects effects, AdminEffects adminEffects, ReceiptSigner signer,
      ObjectProvider<LedgerAppendListener> listeners) {
    this.ledger = ledger;
    this.effects = effects;
    this.adminEffects = adminEffects;
    this.listeners = listeners.orderedStream().toList();
    this.receiptIssuer = r -> signer.sign(new Receipt(r.submissionId(), r.connectorId(), r.operationId(), r.projectId(),
        r.contentDigest(), r.seq(), r.receivedAt(), r.jti(), r.idempotencyKey()));
  }

  /**
   * Stores the submission and answers with its receipt.
   *
   * @param request the request
   * @return 201 with the SubmissionReceipt body
   */
  public Mono<ServerResponse> handle(ServerRequest request) {
    return store(request).flatMap(IntakeHandler::accepted);
  }

  /**
   * Stores a write without a body and answers 204 (e.g. deleteSubscription).
   *
   * @param request the request
   * @return 204, with the Location of the submission's status
   */
  public Mono<ServerResponse> handleWithoutBody(ServerRequest request) {
    return store(request).flatMap(stored -> ServerResponse.noContent()
        .location(URI.create("/v1/submissions/" + stored.submissionId()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .headers(h -> {
          if (stored.replayed()) {
            h.set(IdempotencyFilter.REPLAYED_HEADER, "true");
          }
        })
        .build());
  }

  private Mono<StoredSubmission> store(ServerRequest request) {
    RequestContext ctx = RequestContext.of(request.exchange());
    Operation op = ctx.requireOperation().operation();
    VerifiedSignature signature = ctx.requireSignature();
    ServerHttpRequest http = request.exchange().getRequest();
    String rawQuery = http.getURI().getRawQuery();
    String path = http.getURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
    MediaType contentType = http.getHeaders().getContentType();
    NewSubmission submission = new NewSubmission(
        signature.connector().connectorId(),
        op.operationId(),
        op.method(),
        path,
        ctx.subjectProject(),
        contentType == null ? "" : contentType.toString(),
        ctx.body(),
        signature.headerValue(),
        signature.contentDigest(),
        signature.idempotencyKey() == null ? "" : signature.idempotencyKey(),
        signature.jti(),
        effectsOf(ctx),
        ctx.json());
    return ledger.append(submission, receiptIssuer).doOnNext(this::tell);
  }

  private void tell(StoredSubmission stored) {
    if (!stored.replayed()) {
      listeners.forEach(l -> l.appended(stored));
    }
  }

  private List<SubmissionEffect> effectsOf(RequestContext ctx) {
    List<SubmissionEffect> all = new ArrayList<>(effects.forOperation(ctx.requireOperation().operation().operationId()));
    adminEffects.forRequest(ctx.requireOperation()).ifPresent(all::add);
    return all;
  }

  private static Mono<ServerResponse> accepted(StoredSubmission stored) {
    ServerResponse.BodyBuilder response = ServerResponse.status(HttpStatus.CREATED)
        .location(URI.create("/v1/submissions/" + stored.submissionId()))
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
    if (stored.replayed()) {
      response.header(IdempotencyFilter.REPLAYED_HEADER, "true");
    }
    return response.bodyValue(stored.responseBody());
  }
}
