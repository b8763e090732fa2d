package org.capillary.gateway.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.filter.RequestContext;
import org.capillary.gateway.store.StoreCalls;
import org.capillary.gateway.store.StoreConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The compliance read operations: getProject, listProjectObligations, listProjectHazards,
 * listHazards, getDistrictSummary, listAlerts and getEventFeed. The pipeline has authenticated
 * the caller and checked its role and, for a project path, its access to the project; every
 * list is further narrowed to what the caller may see (operators all, insurers their covered
 * projects, sub-district offices their area). Queries run on the store scheduler through
 * {@link StoreCalls} (never interrupted by a client hanging up; an outage is SERVICE_UNAVAILABLE).
 */
@RestController
public class ComplianceController {

  static final String CSV = "text/csv";
  private static final Set<String> STATUSES = Set.of("OPEN", "RECTIFYING", "RECTIFIED", "VERIFIED", "REJECTED", "CANCELLED");
  private static final Set<String> GRADES = Set.of("GENERAL", "MAJOR");
  private static final String SUBDISTRICT = "^[0-9]{9}$";
  private static final String PROJECT = "^[A-Za-z0-9][A-Za-z0-9-]{5,39}$";

  private final ComplianceReads reads;
  private final Scheduler scheduler;

  /**
   * @param reads the queries
   * @param scheduler the store scheduler
   */
  public ComplianceController(ComplianceReads reads, @Qualifier(StoreConfiguration.SCHEDULER) Scheduler scheduler) {
    this.reads = reads;
    this.scheduler = scheduler;
  }

  /** getProject. */
  @GetMapping(path = "/v1/projects/{projectId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<Object>> project(@PathVariable String projectId, ServerWebExchange exchange) {
    Connector caller = caller(exchange);
    return blocking(() -> reads.project(projectId, caller).orElseThrow(() -> new ProblemException("NOT_FOUND", null)))
        .map(ComplianceController::ok);
  }

  /** listProjectObligations. */
  @GetMapping(path = "/v1/projects/{projectId}/obligations", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<Object>> obligations(@PathVariable String projectId, ServerWebExchange exchange) {
    Connector caller = caller(exchange);
    return blocking(() -> {
      reads.project(projectId, caller).orElseThrow(() -> new ProblemException("NOT_FOUND", null));
      return reads.obligations(projectId).orElseThrow(() -> new ProblemException("NOT_FOUND", null));
    }).map(ComplianceController::ok);
  }

  /** listProjectHazards: JSON pages, or CSV with {@code Accept: text/csv}. */
  @GetMapping(path = "/v1/projects/{projectId}/hazards", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
  public Mono<ResponseEntity<Object>> projectHazards(@PathVariable String projectId,
      @RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable String limit,
      @RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String grade,
      @RequestParam(required = false) @Nullable String overdue, ServerWebExchange exchange) {
    Connector caller = caller(exchange);
    ComplianceReads.HazardFilter filter = new ComplianceReads.HazardFilter(projectId,
        QueryParams.oneOf("status", status, STATUSES), QueryParams.oneOf("grade", grade, GRADES),
        QueryParams.bool("overdue", overdue), null);
    return hazards(exchange, caller, filter, cursor, limit, true);
  }

  /** listHazards: JSON pages, or CSV with {@code Accept: text/csv}. */
  @GetMapping(path = "/v1/hazards", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
  public Mono<ResponseEntity<Object>> hazards(
      @RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable String limit,
      @RequestParam(required = false) @Nullable String subdistrictCode,
      @RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String grade,
      @RequestParam(required = false) @Nullable String overdue, ServerWebExchange exchange) {
    Connector caller = caller(exchange);
    ComplianceReads.HazardFilter filter = new ComplianceReads.HazardFilter(null,
        QueryParams.oneOf("status", status, STATUSES), QueryParams.oneOf("grade", grade, GRADES),
        QueryParams.bool("overdue", overdue), QueryParams.matching("subdistrictCode", subdistrictCode, SUBDISTRICT));
    return hazards(exchange, caller, filter, cursor, limit, false);
  }

  private Mono<ResponseEntity<Object>> hazards(ServerWebExchange exchange, Connector caller,
      ComplianceReads.HazardFilter filter, @Nullable String cursor, @Nullable String limit, boolean oneProject) {
    long after = QueryParams.cursor(cursor);
    int size = QueryParams.limit(limit);
    if (wantsCsv(exchange)) {
      return blocking(() -> {
        if (oneProject) {
          reads.project(filter.projectId(), caller).orElseThrow(() -> new ProblemException("NOT_FOUND", null));
        }
        List<Map<String, Object>> all = new ArrayList<>();
        long position = after;
        while (all.size() < ComplianceReads.CSV_MAX_ROWS) {
          ComplianceReads.HazardRows rows = reads.hazards(caller, filter, position, 500);
          all.addAll(rows.items());
          if (rows.nextPosition() == null) {
            break;
          }
          position = rows.nextPosition();
        }
        return HazardCsv.write(all);
      }).map(csv -> ResponseEntity.ok()
          .cacheControl(CacheControl.noStore())
          .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hazards.csv\"")
          .body((Object) csv));
    }
    return blocking(() -> {
      if (oneProject) {
        reads.project(filter.projectId(), caller).orElseThrow(() -> new ProblemException("NOT_FOUND", null));
      }
      ComplianceReads.HazardRows rows = reads.hazards(caller, filter, after, size);
      return pageDoc(new ArrayList<>(rows.items()), size, rows.nextPosition());
    }).map(ComplianceController::ok);
  }

  /** getDistrictSummary. */
  @GetMapping(path = "/v1/district/summary", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<Object>> districtSummary(ServerWebExchange exchange) {
    Connector caller = caller(exchange);
    return blocking(() -> (Object) reads.districtSummary(caller)).map(ComplianceController::ok);
  }

  /** listAlerts. */
  @GetMapping(path = "/v1/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<Object>> alerts(@RequestParam(required = false) @Nullable String projectId,
      @RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable String limit,
      ServerWebExchange exchange) {
    Connector caller = caller(exchange);
    String project = QueryParams.matching("projectId", projectId, PROJECT);
    long after = QueryParams.cursor(cursor);
    int size = QueryParams.limit(limit);
    return blocking(() -> {
      ComplianceReads.Page page = reads.alerts(caller, project, after, size);
      return pageDoc(page.items(), size, page.nextPosition());
    }).map(ComplianceController::ok);
  }

  /** getEventFeed. */
  @GetMapping(path = "/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<Object>> events(@RequestParam(required = false) @Nullable String cursor,
      @RequestParam(required = false) @Nullable String limit, ServerWebExchange exchange) {
    Connector caller = caller(exchange);
    long after = QueryParams.cursor(cursor);
    int size = QueryParams.limit(limit);
    return blocking(() -> {
      ComplianceReads.Page page = reads.events(caller, after, size);
      return pageDoc(page.items(), size, page.nextPosition());
    }).map(ComplianceController::ok);
  }

  private static Object pageDoc(List<?> items, int limit, @Nullable Long next) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("limit", limit);
    page.put("nextCursor", next == null ? null : QueryParams.cursorOf(next));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("items", items);
    doc.put("page", page);
    return doc;
  }

  private static boolean wantsCsv(ServerWebExchange exchange) {
    List<MediaType> accept = new ArrayList<>(exchange.getRequest().getHeaders().getAccept());
    accept.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
    for (MediaType m : accept) {
      if (m.isCompatibleWith(MediaType.APPLICATION_JSON) && !m.isWildcardType()) {
        return false;
      }
      if ("text".equals(m.getType()) && "csv".equals(m.getSubtype())) {
        return true;
      }
    }
    return false;
  }

  private static Connector caller(ServerWebExchange exchange) {
    return RequestContext.of(exchange).requireConnector();
  }

  private <T> Mono<T> blocking(Callable<T> call) {
    return StoreCalls.call(scheduler, call);
  }

  private static ResponseEntity<Object> ok(Object body) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
