package org.capillary.gateway.media;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.filter.FilterOrder;
import org.capillary.gateway.filter.RequestContext;
import org.capillary.spec.contract.Operation;
import org.capillary.spec.validation.Violation;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;

/**
 * CAP-MED-01: a record that cites media is accepted only if every cited item is COMPLETE, was
 * uploaded by the same connector (MediaItem.json: "only that connector may cite it") and has the
 * SHA-256 the record states — so the connector's signature on the record covers the media's bytes.
 * Otherwise MEDIA_NOT_READY (422) with one {@code errors[]} entry per offending MediaRef, at its
 * JSON pointer. Runs right after schema validation (an invalid body gets its schema errors first)
 * and before the ledger; complete media are never deleted, so what was checked stays true.
 */
public final class MediaRefFilter implements WebFilter, Ordered {

  /** Right after schema validation. */
  public static final int ORDER = FilterOrder.VALIDATION + 10;

  private final UploadRepository uploads;
  private final Scheduler scheduler;

  /**
   * @param uploads the upload table
   * @param scheduler where the lookups run
   */
  public MediaRefFilter(UploadRepository uploads, Scheduler scheduler) {
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
    JsonNode body = ctx == null ? null : ctx.json();
    if (ctx == null || body == null || ctx.operation() == null || ctx.connector() == null) {
      return chain.filter(exchange);
    }
    Operation op = ctx.requireOperation().operation();
    if (!op.isWrite() || UploadCreationEffect.OPERATION_ID.equals(op.operationId())) {
      return chain.filter(exchange);
    }
    List<MediaRefs.Ref> refs = MediaRefs.find(body);
    if (refs.isEmpty()) {
      return chain.filter(exchange);
    }
    String connectorId = ctx.requireConnector().connectorId();
    Set<String> ids = refs.stream().map(MediaRefs.Ref::mediaId).collect(Collectors.toCollection(HashSet::new));
    return MediaCalls.call(scheduler, () -> uploads.findAll(ids))
        .flatMap(found -> {
          List<Violation> problems = check(refs, found.stream().collect(Collectors.toMap(Upload::uploadId, Function.identity())),
              connectorId);
          return problems.isEmpty()
              ? chain.filter(exchange)
              : Mono.error(new ProblemException("MEDIA_NOT_READY",
                  problems.size() + " cited media item(s) are not complete media of this connector with the stated SHA-256",
                  problems, Map.of(), Map.of()));
        });
  }

  static List<Violation> check(List<MediaRefs.Ref> refs, Map<String, Upload> uploads, String connectorId) {
    List<Violation> problems = new ArrayList<>();
    for (MediaRefs.Ref ref : refs) {
      Upload u = uploads.get(ref.mediaId());
      String why;
      if (u == null || !u.connectorId().equals(connectorId)) {
        why = "no media item of this connector has the id " + ref.mediaId();
      } else if (!u.complete()) {
        why = "media item " + ref.mediaId() + " is " + u.status() + " (" + u.offset() + " of " + u.length() + " bytes)";
      } else if (!u.sha256().equals(ref.sha256())) {
        why = "media item " + ref.mediaId() + " has another SHA-256";
      } else {
        continue;
      }
      problems.add(new Violation(ref.pointer(), "INVALID_VALUE", why));
    }
    return problems;
  }
}
