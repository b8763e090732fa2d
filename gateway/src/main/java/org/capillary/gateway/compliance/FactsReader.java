package org.capillary.gateway.compliance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.capillary.gateway.compliance.ProjectFacts.Device;
import org.capillary.gateway.compliance.ProjectFacts.Drill;
import org.capillary.gateway.compliance.ProjectFacts.EmergencyPlan;
import org.capillary.gateway.compliance.ProjectFacts.Hazard;
import org.capillary.gateway.compliance.ProjectFacts.Inspection;
import org.capillary.gateway.compliance.ProjectFacts.PolicyFacts;
import org.capillary.gateway.compliance.ProjectFacts.RiskAssessment;
import org.capillary.gateway.compliance.ProjectFacts.Training;
import org.capillary.gateway.compliance.ProjectFacts.Worker;
import org.capillary.gateway.projection.Masking;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a project's {@link ProjectFacts} from the projection tables. */
public final class FactsReader {

  private static final JsonMapper JSON = JsonMapper.shared();

  /**
   * @param tx a connection (in or out of a transaction)
   * @param projectId the project
   * @return its facts, or empty when no policy registered it
   */
  public Optional<ProjectFacts> read(JdbcClient tx, String projectId) {
    Optional<ProjectRow> project = tx.sql("""
            SELECT p.doc, p.filed_at, p.actual_start_at, p.completed_at, p.high_risk, p.high_risk_designated_at,
                p.policy_id, pol.premium_collected, pol.prevention_fee_budget
            FROM prj_project p JOIN prj_policy pol ON pol.policy_id = p.policy_id
            WHERE p.project_id = ?""")
        .param(projectId)
        .query((rs, n) -> new ProjectRow(JSON.readTree(rs.getString(1)), instant(rs, 2), instant(rs, 3), instant(rs, 4),
            rs.getBoolean(5), instant(rs, 6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9)))
        .optional();
    if (project.isEmpty()) {
      return Optional.empty();
    }
    ProjectRow p = project.get();
    List<String> feeIds = new ArrayList<>();
    BigDecimal spent = BigDecimal.ZERO;
    for (JsonNode fee : docs(tx, "PREVENTION_FEE", p.policyId())) {
      feeIds.add(fee.path("entryId").asString());
      spent = spent.add(new BigDecimal(fee.path("amount").asString("0")));
    }
    List<Worker> workers = tx.sql("""
            SELECT worker_key, listed_at FROM prj_worker WHERE project_id = ? ORDER BY listed_seq, worker_key""")
        .param(projectId)
        .query((rs, n) -> new Worker(rs.getString(1), instant(rs, 2)))
        .list();
    List<RiskAssessment> assessments = new ArrayList<>();
    List<Inspection> inspections = new ArrayList<>();
    List<EmergencyPlan> plans = new ArrayList<>();
    List<Drill> drills = new ArrayList<>();
    List<Training> trainings = new ArrayList<>();
    for (Object[] r : tx.sql("SELECT kind, doc FROM prj_record WHERE project_id = ? ORDER BY submission_seq, record_id")
        .param(projectId).query((rs, n) -> new Object[] {rs.getString(1), JSON.readTree(rs.getString(2))}).list()) {
      JsonNode d = (JsonNode) r[1];
      switch ((String) r[0]) {
        case "RISK_ASSESSMENT" -> assessments.add(new RiskAssessment(d.path("assessmentId").asString(),
            time(d, "assessedAt"), d.path("report").isObject(),
            !d.path("workTypes").isEmpty() && !d.path("workerSkills").isEmpty(), coveredCategories(d)));
        case "INSPECTION" -> inspections.add(inspection(d));
        case "EMERGENCY_PLAN" -> plans.add(new EmergencyPlan(d.path("planId").asString(), time(d, "approvedAt"),
            new HashSet<>(strings(d.path("scenarios")))));
        case "DRILL" -> drills.add(new Drill(d.path("drillId").asString(), time(d, "heldAt"),
            d.path("drillPlan").isObject(), d.path("videos").size(), d.path("evaluationReport").isObject()));
        case "TRAINING" -> {
          Set<String> attendees = new HashSet<>();
          d.path("attendance").forEach(a -> attendees.add(Masking.key(a.path("person"))));
          trainings.add(new Training(d.path("trainingId").asString(), time(d, "heldAt"),
              new HashSet<>(strings(d.path("topics"))), attendees));
        }
        default -> { }
      }
    }
    List<Hazard> hazards = tx.sql("""
            SELECT hazard_id, grade, status, detected_at, rectification_deadline, inspection_ended_at,
                insured_notified_at, stop_work_scope, verified_at, verification_id, reinspected_at
            FROM prj_hazard WHERE project_id = ? ORDER BY row_seq""")
        .param(projectId)
        .query((rs, n) -> new Hazard(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
            instant(rs, 5), instant(rs, 6), instant(rs, 7), rs.getString(8), instant(rs, 9),
            rs.getString(10) == null ? List.of() : List.of(rs.getString(10)), instant(rs, 11)))
        .list();
    List<Device> devices = tx.sql("SELECT doc FROM prj_device WHERE project_id = ? ORDER BY device_id")
        .param(projectId).query((rs, n) -> device(JSON.readTree(rs.getString(1)))).list();
    JsonNode doc = p.doc();
    return Optional.of(new ProjectFacts(projectId, p.filedAt(), date(doc, "plannedStart"), date(doc, "plannedEnd"),
        p.actualStartAt(), p.completedAt(), p.highRisk(), p.designatedAt(),
        new PolicyFacts(p.policyId(), p.premium(), p.budget(), spent, feeIds), workers, assessments, inspections,
        hazards, plans, drills, trainings, devices));
  }

  /** The categories an assessment covers: applicable with a control measure, or not applicable with a reason. */
  private static Set<String> coveredCategories(JsonNode assessment) {
    Set<String> out = new HashSet<>();
    for (JsonNode item : assessment.path("riskItems")) {
      boolean applicable = item.path("applicable").asBoolean(true);
      boolean covered = applicable ? !item.path("controlMeasures").isEmpty()
          : item.path("notApplicableReason").isString() && !item.path("notApplicableReason").stringValue().isBlank();
      if (covered) {
        out.add(item.path("category").asString());
      }
    }
    return out;
  }

  private static Inspection inspection(JsonNode d) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    d.path("checklist").forEach(c -> outcomes.put(c.path("itemCode").asString(), c.path("outcome").asString()));
    Set<String> majorRefs = new HashSet<>();
    for (JsonNode f : d.path("findings")) {
      if ("MAJOR".equals(f.path("grade").asString()) && f.path("majorCriterionRef").isString()) {
        majorRefs.add(f.path("majorCriterionRef").stringValue());
      }
    }
    return new Inspection(d.path("inspectionId").asString(), d.path("type").asString(), time(d, "startedAt"),
        time(d, "endedAt"), outcomes, strings(d.path("reinspectionOf")), d.path("insuredConfirmation").isObject(),
        majorRefs);
  }

  private static Device device(JsonNode d) {
    JsonNode e = d.path("electricity");
    JsonNode setting = e.path("residualCurrentAlarmMilliamps");
    return new Device(d.path("deviceId").asString(), d.path("kind").asString(), new HashSet<>(strings(e.path("detectorTypes"))),
        setting.isNumber() ? setting.doubleValue() : null, e.path("autoTripEnabled").asBoolean(false));
  }

  private record ProjectRow(JsonNode doc, Instant filedAt, @Nullable Instant actualStartAt, @Nullable Instant completedAt,
      boolean highRisk, @Nullable Instant designatedAt, String policyId, BigDecimal premium, BigDecimal budget) {}

  private static List<JsonNode> docs(JdbcClient tx, String kind, String owner) {
    return tx.sql("SELECT doc FROM prj_record WHERE kind = ? AND owner_id = ? ORDER BY submission_seq")
        .params(kind, owner).query((rs, n) -> JSON.readTree(rs.getString(1))).list();
  }

  private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static Instant time(JsonNode node, String field) {
    return OffsetDateTime.parse(node.path(field).asString()).toInstant();
  }

  private static @Nullable LocalDate date(JsonNode node, String field) {
    return node.path(field).isString() ? LocalDate.parse(node.path(field).stringValue()) : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asString()));
    return out;
  }

}
