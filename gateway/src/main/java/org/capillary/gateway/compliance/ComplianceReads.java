package org.capillary.gateway.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.connector.Role;
import org.capillary.gateway.projection.Masking;
import org.capillary.gateway.projection.Projector;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side over the projections: each method is one blocking query (run it on the store
 * scheduler) that returns the response document of an operation, shaped by its schema.
 */
public final class ComplianceReads {

  /** Hazards that are no longer open. */
  static final String CLOSED = "('VERIFIED', 'CANCELLED')";
  /** The most rows one CSV export returns. */
  public static final int CSV_MAX_ROWS = 10_000;

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final JdbcClient jdbc;
  private final ObligationEvaluator evaluator;
  private final FactsReader facts;
  private final Clock clock;

  /**
   * @param dataSource the gateway's DataSource
   * @param evaluator the evaluator (obligations are evaluated as of the request)
   * @param facts reads project facts
   * @param clock the time
   */
  public ComplianceReads(DataSource dataSource, ObligationEvaluator evaluator, FactsReader facts, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.evaluator = evaluator;
    this.facts = facts;
    this.clock = clock;
  }

  // --- project view -----------------------------------------------------------------------------

  /** ProjectView, or empty when the project is not (yet) projected or not visible. */
  public Optional<Map<String, Object>> project(String projectId, Connector caller) {
    ReadScope scope = ReadScope.of(caller, "p");
    List<Object> params = new ArrayList<>(List.of(projectId));
    params.addAll(scope.parameters());
    Instant now = clock.instant();
    return jdbc.sql("""
            SELECT p.doc, p.status, p.status_changed_at, p.actual_start_at, p.completed_at, pol.doc, p.subdistrict_code,
                (SELECT COUNT(*) FROM prj_worker w WHERE w.project_id = p.project_id)
            FROM prj_project p JOIN prj_policy pol ON pol.policy_id = p.policy_id
            WHERE p.project_id = ?""" + " AND " + scope.condition())
        .params(params)
        .query((rs, n) -> new ProjectViewRow(JSON.readTree(rs.getString(1)), rs.getString(2), instant(rs, 3),
            instant(rs, 4), instant(rs, 5), JSON.readTree(rs.getString(6)), rs.getString(7), rs.getLong(8)))
        .optional()
        // Built after the query has returned its connection: the view runs queries of its own, and
        // running them from inside the row mapper would take a second pooled connection while the
        // first is held. Enough concurrent reads then hold the whole pool and wait for each other
        // (every request of every kind waits the pool's connection timeout).
        .map(r -> projectView(projectId, r.doc(), r.status(), r.changedAt(), r.startedAt(), r.completedAt(),
            r.policy(), r.subdistrict(), r.workers(), now));
  }

  /** The project's row as read, before the view's own queries. */
  private record ProjectViewRow(JsonNode doc, String status, @Nullable Instant changedAt, @Nullable Instant startedAt,
      @Nullable Instant completedAt, JsonNode policy, String subdistrict, long workers) {}

  private Map<String, Object> projectView(String projectId, JsonNode p, String status, @Nullable Instant changedAt,
      @Nullable Instant startedAt, @Nullable Instant completedAt, JsonNode policy, String subdistrict, long workers,
      Instant now) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("projectId", projectId);
    v.put("name", p.path("name").asString());
    v.put("permitNo", p.path("permitNo").isString() ? p.path("permitNo").stringValue() : null);
    v.put("address", p.path("address").asString());
    v.put("subdistrictCode", subdistrict);
    v.put("location", JSON.convertValue(p.path("location"), Map.class));
    v.put("worksType", p.path("worksType").asString());
    v.put("contractValue", p.path("contractValue").asString());
    v.put("floorAreaM2", p.path("floorAreaM2").isNumber() ? p.path("floorAreaM2").numberValue() : null);
    v.put("filedAt", p.path("filedAt").asString());
    v.put("plannedStart", p.path("plannedStart").asString());
    v.put("plannedEnd", p.path("plannedEnd").asString());
    v.put("actualStartAt", format(startedAt));
    v.put("completedAt", format(completedAt));
    v.put("highRisk", p.path("highRisk").asBoolean(false));
    List<String> reasons = new ArrayList<>();
    p.path("highRiskReasons").forEach(r -> reasons.add(r.asString()));
    v.put("highRiskReasons", reasons);
    if (p.path("owner").isObject()) {
      v.put("owner", organisation(p.path("owner")));
    }
    v.put("contractor", organisation(p.path("contractor")));
    putIfPresent(v, "projectManager", Masking.person(p.get("projectManager")));
    putIfPresent(v, "safetyOfficer", Masking.person(p.get("safetyOfficer")));
    v.put("registeredWorkerCount", workers);
    v.put("status", status);
    v.put("statusChangedAt", format(changedAt));
    Map<String, Object> pol = new LinkedHashMap<>();
    pol.put("policyId", policy.path("policyId").asString());
    pol.put("policyNo", policy.path("policyNo").asString());
    pol.put("insurer", organisation(policy.path("insurer")));
    pol.put("coverageStart", policy.path("coverageStart").asString());
    pol.put("coverageEnd", policy.path("coverageEnd").asString());
    LocalDate today = now.atZone(evaluator.profile().zone()).toLocalDate();
    pol.put("status", today.isAfter(LocalDate.parse(policy.path("coverageEnd").asString())) ? "EXPIRED" : "ACTIVE");
    v.put("policy", pol);
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("inspections", jdbc.sql("SELECT COUNT(*) FROM prj_record WHERE kind = 'INSPECTION' AND project_id = ?")
        .param(projectId).query(Long.class).single());
    counts.put("openHazards", count("SELECT COUNT(*) FROM prj_hazard WHERE project_id = ? AND status NOT IN " + CLOSED,
        projectId));
    counts.put("overdueHazards", count("SELECT COUNT(*) FROM prj_hazard WHERE project_id = ? AND status NOT IN " + CLOSED
        + " AND rectification_deadline < ?", projectId, Projector.utc(now)));
    counts.put("majorHazardsOpen", count("SELECT COUNT(*) FROM prj_hazard WHERE project_id = ? AND grade = 'MAJOR'"
        + " AND status NOT IN " + CLOSED, projectId));
    counts.put("lastInspectionAt", format(jdbc.sql(
            "SELECT MAX(record_time) FROM prj_record WHERE kind = 'INSPECTION' AND project_id = ?")
        .param(projectId).query((rs, n) -> instant(rs, 1)).optional().orElse(null)));
    v.put("counts", counts);
    return v;
  }

  private static Map<String, Object> organisation(JsonNode o) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", o.path("name").asString());
    v.put("uscc", o.path("uscc").asString());
    if (o.path("contactName").isString()) {
      v.put("contactName", o.path("contactName").stringValue());
    }
    if (o.path("contactMobile").isString()) {
      v.put("contactMobile", Masking.mobile(o.path("contactMobile").stringValue()));
    }
    return v;
  }

  // --- obligations ------------------------------------------------------------------------------

  /** ObligationList as of now, or empty when the project is not projected. */
  public Optional<Map<String, Object>> obligations(String projectId) {
    Instant now = clock.instant();
    return facts.read(jdbc, projectId).map(f -> {
      List<Map<String, Object>> items = new ArrayList<>();
      for (Obligation o : evaluator.evaluate(f, now)) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("obligationId", o.obligationId());
        item.put("ruleId", o.ruleId());
        item.put("title", o.title());
        item.put("dueAt", format(o.dueAt()));
        item.put("state", o.state().name());
        item.put("satisfiedBy", o.satisfiedBy());
        item.put("detail", o.detail());
        item.put("dueSoon", o.dueSoon());
        items.add(item);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("projectId", projectId);
      doc.put("ruleProfile", evaluator.profile().id());
      doc.put("evaluatedAt", format(now));
      doc.put("obligations", items);
      return doc;
    });
  }

  // --- hazards ----------------------------------------------------------------------------------

  /**
   * A filter of the hazard ledger.
   *
   * @param projectId only this project, or null
   * @param status only this status, or null
   * @param grade only this grade, or null
   * @param overdue only (not) overdue, or null
   * @param subdistrictCode only this sub-district, or null
   */
  public record HazardFilter(@Nullable String projectId, @Nullable String status, @Nullable String grade,
      @Nullable Boolean overdue, @Nullable String subdistrictCode) {}

  /** A page of hazards and the position of its last item when there are more. */
  public record HazardRows(List<Map<String, Object>> items, @Nullable Long nextPosition) {}

  /** Hazards after a list position, in the order they were projected. */
  public HazardRows hazards(Connector caller, HazardFilter filter, long after, int limit) {
    Instant now = clock.instant();
    ReadScope scope = ReadScope.of(caller, "h");
    StringBuilder sql = new StringBuilder("""
        SELECT h.list_position, h.hazard_id, h.project_id, h.subdistrict_code, h.source, h.source_ref, h.category,
            h.description, h.location, h.grade, h.major_criterion_ref, h.responsible_person, h.rectification_deadline,
            h.required_measures, h.status, h.stop_work, h.detected_at, h.closed_at, h.rectification_suggestion
        FROM prj_hazard h WHERE h.list_position > ?""").append(" AND ").append(scope.condition());
    List<Object> params = new ArrayList<>();
    params.add(after);
    params.addAll(scope.parameters());
    if (filter.projectId() != null) {
      sql.append(" AND h.project_id = ?");
      params.add(filter.projectId());
    }
    if (filter.status() != null) {
      sql.append(" AND h.status = ?");
      params.add(filter.status());
    }
    if (filter.grade() != null) {
      sql.append(" AND h.grade = ?");
      params.add(filter.grade());
    }
    if (filter.subdistrictCode() != null) {
      sql.append(" AND h.subdistrict_code = ?");
      params.add(filter.subdistrictCode());
    }
    if (filter.overdue() != null) {
      String overdue = "(h.rectification_deadline < ? AND h.status NOT IN " + CLOSED + ")";
      sql.append(filter.overdue() ? " AND " + overdue : " AND NOT " + overdue);
      params.add(Projector.utc(now));
    }
    sql.append(" ORDER BY h.list_position LIMIT ?");
    params.add(limit + 1);
    List<Object[]> rows = jdbc.sql(sql.toString()).params(params)
        .query((rs, n) -> new Object[] {rs.getLong(1), hazard(rs, now)}).list();
    boolean more = rows.size() > limit;
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, rows.size()); i++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) rows.get(i)[1];
      items.add(item);
    }
    return new HazardRows(items, more ? (Long) rows.get(limit - 1)[0] : null);
  }

  private Map<String, Object> hazard(ResultSet rs, Instant now) throws SQLException {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("hazardId", rs.getString(2));
    h.put("projectId", rs.getString(3));
    h.put("subdistrictCode", rs.getString(4));
    h.put("source", rs.getString(5));
    h.put("sourceRef", rs.getString(6));
    h.put("category", rs.getString(7));
    h.put("description", rs.getString(8));
    h.put("location", rs.getString(9));
    h.put("grade", rs.getString(10));
    h.put("majorCriterionRef", rs.getString(11));
    if (rs.getString(12) != null) {
      h.put("responsiblePerson", JSON.readValue(rs.getString(12), Map.class));
    }
    Instant deadline = instant(rs, 13);
    h.put("rectificationDeadline", format(deadline));
    h.put("requiredMeasures", JSON.readValue(rs.getString(14), List.class));
    String status = rs.getString(15);
    h.put("status", status);
    h.put("overdue", deadline != null && now.isAfter(deadline) && !status.equals("VERIFIED") && !status.equals("CANCELLED"));
    if (rs.getString(16) != null) {
      JsonNode sw = JSON.readTree(rs.getString(16));
      Map<String, Object> stop = new LinkedHashMap<>();
      stop.put("required", sw.path("required").asBoolean(false));
      stop.put("scope", sw.path("scope").isString() ? sw.path("scope").stringValue() : null);
      stop.put("issuedAt", sw.path("issuedAt").isString() ? sw.path("issuedAt").stringValue() : null);
      h.put("stopWork", stop);
    }
    h.put("detectedAt", format(instant(rs, 17)));
    h.put("closedAt", format(instant(rs, 18)));
    if (rs.getString(19) != null) {
      h.put("rectificationSuggestion", JSON.readValue(rs.getString(19), Map.class));
    }
    return h;
  }

  // --- district summary -------------------------------------------------------------------------

  /** DistrictSummary for the caller's area (operators: every sub-district). */
  public Map<String, Object> districtSummary(Connector caller) {
    Instant now = clock.instant();
    RuleProfile profile = evaluator.profile();
    Map<String, Map<String, Object>> rows = new TreeMap<>();
    for (String code : profile.subdistricts().keySet()) {
      rows.put(code, emptyCounts(code, profile.subdistrictName(code)));
    }
    ReadScope scope = ReadScope.of(caller, "");
    countBy(rows, "activeWorks", "SELECT subdistrict_code, COUNT(*) FROM prj_project WHERE status IN ('IN_PROGRESS', "
        + "'SUSPENDED') AND " + scope.condition() + " GROUP BY subdistrict_code", scope.parameters());
    countBy(rows, "openHazards", "SELECT subdistrict_code, COUNT(*) FROM prj_hazard WHERE status NOT IN " + CLOSED
        + " AND " + scope.condition() + " GROUP BY subdistrict_code", scope.parameters());
    List<Object> withNow = new ArrayList<>(List.of(Projector.utc(now)));
    withNow.addAll(scope.parameters());
    countBy(rows, "overdueHazards", "SELECT subdistrict_code, COUNT(*) FROM prj_hazard WHERE rectification_deadline < ?"
        + " AND status NOT IN " + CLOSED + " AND " + scope.condition() + " GROUP BY subdistrict_code", withNow);
    countBy(rows, "majorHazardsOpen", "SELECT subdistrict_code, COUNT(*) FROM prj_hazard WHERE grade = 'MAJOR' AND "
        + "status NOT IN " + CLOSED + " AND " + scope.condition() + " GROUP BY subdistrict_code", scope.parameters());
    ReadScope projectScope = ReadScope.of(caller, "p");
    countBy(rows, "missedObligations", "SELECT p.subdistrict_code, COUNT(*) FROM prj_obligation o JOIN prj_project p "
        + "ON p.project_id = o.project_id WHERE o.state = 'MISSED' AND " + projectScope.condition()
        + " GROUP BY p.subdistrict_code", projectScope.parameters());
    List<Map<String, Object>> subdistricts = new ArrayList<>();
    for (Map<String, Object> row : rows.values()) {
      String code = (String) row.get("subdistrictCode");
      if (caller.role() == Role.OPERATOR || caller.subdistrictCodes().contains(code)) {
        subdistricts.add(row);
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("districtCode", profileDistrict(profile));
    doc.put("generatedAt", format(now));
    doc.put("subdistricts", subdistricts);
    return doc;
  }

  private static String profileDistrict(RuleProfile profile) {
    return profile.subdistricts().keySet().stream().findFirst().map(c -> c.substring(0, 6)).orElse("440304");
  }

  private static Map<String, Object> emptyCounts(String code, @Nullable String name) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("subdistrictCode", code);
    if (name != null) {
      row.put("name", name);
    }
    for (String k : List.of("activeWorks", "openHazards", "overdueHazards", "majorHazardsOpen", "missedObligations")) {
      row.put(k, 0L);
    }
    return row;
  }

  private void countBy(Map<String, Map<String, Object>> rows, String field, String sql, List<Object> params) {
    jdbc.sql(sql).params(params).query((rs, n) -> {
      String code = rs.getString(1);
      if (code != null && code.matches("^440304[0-9]{3}$")) {
        rows.computeIfAbsent(code, c -> emptyCounts(c, null)).put(field, rs.getLong(2));
      }
      return null;
    }).list();
  }

  // --- alerts and events ------------------------------------------------------------------------

  /** A page of rows and the position of its last item when there are more. */
  public record Page(List<Object> items, @Nullable Long nextPosition) {}

  /** Received alerts after a list position, in the order they were projected. */
  public Page alerts(Connector caller, @Nullable String projectId, long after, int limit) {
    ReadScope scope = caller.role() == Role.DEVICE_VENDOR
        ? new ReadScope("connector_id = ?", List.of(caller.connectorId())) : ReadScope.of(caller, "");
    List<Object> params = new ArrayList<>(List.of(after));
    params.addAll(scope.parameters());
    String sql = "SELECT list_position, event_json, received_at, submission_id, duplicate_of, "
        + "review_status, hazard_id FROM prj_alert WHERE list_position > ? AND " + scope.condition();
    if (projectId != null) {
      sql += " AND project_id = ?";
      params.add(projectId);
    }
    sql += " ORDER BY list_position LIMIT ?";
    params.add(limit + 1);
    List<Object[]> rows = jdbc.sql(sql).params(params).query((rs, n) -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("event", JSON.readTree(rs.getString(2)));
      item.put("receivedAt", format(instant(rs, 3)));
      item.put("submissionId", rs.getString(4));
      item.put("duplicateOf", rs.getString(5));
      item.put("reviewStatus", rs.getString(6));
      item.put("hazardId", rs.getString(7));
      return new Object[] {rs.getLong(1), item};
    }).list();
    return page(rows, limit);
  }

  /** Platform events after a position (the event seq), as the caller may see them. */
  public Page events(Connector caller, long after, int limit) {
    ReadScope scope = ReadScope.of(caller, "");
    List<Object> params = new ArrayList<>(List.of(after));
    params.addAll(scope.parameters());
    params.add(limit + 1);
    List<Object[]> rows = jdbc.sql("SELECT seq, cloud_event FROM event WHERE seq > ? AND " + scope.condition()
            + " ORDER BY seq LIMIT ?")
        .params(params)
        .query((rs, n) -> new Object[] {rs.getLong(1), JSON.readTree(rs.getString(2))})
        .list();
    return page(rows, limit);
  }

  private static Page page(List<Object[]> rows, int limit) {
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, rows.size()); i++) {
      items.add(rows.get(i)[1]);
    }
    return new Page(items, rows.size() > limit ? (Long) rows.get(limit - 1)[0] : null);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private @Nullable String format(@Nullable Instant t) {
    return t == null ? null : RFC3339.format(t.atZone(evaluator.profile().zone()).toOffsetDateTime());
  }

  private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
