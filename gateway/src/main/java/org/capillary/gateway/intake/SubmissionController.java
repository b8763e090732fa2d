package org.capillary.gateway.intake;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.connector.Role;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.filter.RequestContext;
import org.capillary.gateway.store.Ledger;
import org.capillary.gateway.store.StoredSubmission;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/submissions/{submissionId}}: a submission's status and its receipt. A connector
 * sees its own submissions (another's is NOT_FOUND, so ids reveal nothing); operators see all.
 */
@RestController
public class SubmissionController {

  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final Ledger ledger;

  /**
   * @param ledger the ledger
   */
  public SubmissionController(Ledger ledger) {
    this.ledger = ledger;
  }

  /**
   * The status of a submission.
   *
   * @param submissionId the id from a receipt
   * @param exchange the exchange (authenticated by the pipeline)
   * @return the SubmissionStatus document
   */
  @GetMapping(path = "/v1/submissions/{submissionId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<Map<String, Object>>> get(@PathVariable String submissionId, ServerWebExchange exchange) {
    Connector caller = RequestContext.of(exchange).requireConnector();
    return ledger.find(submissionId)
        .map(found -> found.filter(s -> caller.role() == Role.OPERATOR || s.connectorId().equals(caller.connectorId()))
            .orElseThrow(() -> new ProblemException("NOT_FOUND", null)))
        .map(s -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status(s)));
  }

  private static Map<String, Object> status(StoredSubmission s) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("submissionId", s.submissionId());
    doc.put("status", s.status());
    doc.put("connectorId", s.connectorId());
    doc.put("operationId", s.operationId());
    doc.put("projectId", s.projectId());
    doc.put("contentDigest", s.contentDigest());
    doc.put("sequence", s.seq());
    doc.put("receivedAt", RFC3339.format(s.receivedAt().atOffset(ZoneOffset.UTC)));
    doc.put("processedAt", s.processedAt() == null ? null : RFC3339.format(s.processedAt().atOffset(ZoneOffset.UTC)));
    doc.put("detail", s.statusDetail());
    doc.put("receipt", s.receipt());
    return doc;
  }
}
