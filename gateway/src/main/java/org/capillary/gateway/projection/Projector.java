package org.capillary.gateway.projection;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.capillary.gateway.events.EventSink;
import org.capillary.gateway.events.EventTypes;
import org.capillary.gateway.events.PlatformEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies one accepted submission to the projection tables, deterministically: everything it
 * writes comes from the ledger (the submission and earlier projections), never from the clock, so
 * replaying the ledger gives the same rows.
 *
 * <p>Hazards follow a closed loop: a finding opens one (OPEN); a rectification makes it RECTIFIED;
 * an accepted verification makes it VERIFIED (closed, 验收销号) — unless the verifier is the
 * rectifier or a MAJOR hazard has had no REINSPECTION, in which case it stays
 * RECTIFIED with a status detail; a rejected verification sends it back to RECTIFYING.
 *
 * <p>Alerts are recorded with review status PENDING and never open a hazard by themselves,
 * whatever their outcome. A review (reviewAlert) decides: FALSE_POSITIVE closes the alert (and its
 * repeats); CONFIRMED opens a hazard (source AI_ALERT or ELECTRICITY_ALARM) with the rectification
 * suggestion the rule profile generates from the alert's type ({@link AlertPromotion}), unless a
 * rule of the profile still keeps the alert from promotion. A review of an alert that is unknown,
 * of another project or already reviewed takes no effect: the submission is REJECTED_BY_RULES.
 *
 * <p>Hazards and alerts get a list position from a counter on the projection lock row, in the
 * order they are projected (never behind a position a reader has already passed).
 */
public final class Projector {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Set<String> CLOSED = Set.of("VERIFIED", "CANCELLED");

  private final AlertPromotion promotion;

  /**
   * @param promotion the rule profile's promotion of confirmed alerts to hazards
   */
  public Projector(AlertPromotion promotion) {
    this.promotion = promotion;
  }

  /**
   * Applies a submission.
   *
   * @param tx the projecting transaction
   * @param s the submission
   * @param events where hazard and alert events go
   * @return the projects whose facts changed, and a rule's refusal if there was one
   */
  public Applied apply(JdbcClient tx, SubmissionRow s, EventSink events) {
    if ("deleteSubscription".equals(s.operationId())) {
      return deleteSubscription(tx, s);
    }
    if ("reviewAlert".equals(s.operationId())) {
      return alertReview(tx, s, s.json(), events);
    }
    return Applied.on(project(tx, s, events));
  }

  private Set<String> project(JdbcClient tx, SubmissionRow s, EventSink events) {
    JsonNode body = s.json();
    String project = s.projectId();
    return switch (s.operationId()) {
      case "registerPolicy" -> registerPolicy(tx, s, body);
      case "reportWorksStatus" -> {
        record(tx, s, "STATUS_CHANGE", project, text(body, "changeId"), time(body, "effectiveAt"), body);
        statusChange(tx, s, body);
        yield Set.of(project);
      }
      case "submitRiskAssessment" -> recordOnly(tx, s, "RISK_ASSESSMENT", body, "assessmentId", "assessedAt");
      case "submitTraining" -> recordOnly(tx, s, "TRAINING", body, "trainingId", "heldAt");
      case "submitEmergencyPlan" -> recordOnly(tx, s, "EMERGENCY_PLAN", body, "planId", "approvedAt");
      case "submitDrill" -> recordOnly(tx, s, "DRILL", body, "drillId", "heldAt");
      case "submitInspection" -> inspection(tx, s, body, events);
      case "submitRectification" -> rectification(tx, s, body);
      case "submitRectificationVerification" -> verification(tx, s, body);
      case "recordPreventionFee" -> preventionFee(tx, s, body);
      case "registerDevice" -> device(tx, s, body);
      case "publishAlert" -> alerts(tx, s, List.of(body), events);
      case "publishAlertBatch" -> {
        List<JsonNode> list = new ArrayList<>();
        body.forEach(list::add);
        yield alerts(tx, s, list, events);
      }
      case "createSubscription" -> subscription(tx, s, body);
      default -> Set.of();
    };
  }

  // --- projects and policies --------------------------------------------------------------------

  private Set<String> registerPolicy(JdbcClient tx, SubmissionRow s, JsonNode body) {
    String policyId = text(body, "policyId");
    ObjectNode policyDoc = ((ObjectNode) body.deepCopy());
    policyDoc.remove("projects");
    int updated = tx.sql("""
            UPDATE prj_policy SET insurer_connector_id = ?, doc = ?, premium_collected = ?,
                prevention_fee_budget = ?, last_seq = ? WHERE policy_id = ?""")
        .params(s.connectorId(), JSON.writeValueAsString(policyDoc), money(body, "premiumCollected"),
            money(body, "preventionFeeBudget"), s.seq(), policyId)
        .update();
    if (updated == 0) {
      tx.sql("""
              INSERT INTO prj_policy (policy_id, insurer_connector_id, doc, premium_collected,
                  prevention_fee_budget, last_seq) VALUES (?, ?, ?, ?, ?, ?)""")
          .params(policyId, s.connectorId(), JSON.writeValueAsString(policyDoc), money(body, "premiumCollected"),
              money(body, "preventionFeeBudget"), s.seq())
          .update();
    }
    Set<String> projects = new LinkedHashSet<>();
    for (JsonNode p : body.path("projects")) {
      String projectId = text(p, "projectId");
      projects.add(projectId);
      boolean highRisk = p.path("highRisk").asBoolean(false);
      Optional<Boolean> known = tx.sql("SELECT high_risk FROM prj_project WHERE project_id = ?")
          .param(projectId).query(Boolean.class).optional();
      if (known.isPresent()) {
        tx.sql("""
                UPDATE prj_project SET policy_id = ?, insurer_connector_id = ?, subdistrict_code = ?,
                    doc = ?, filed_at = ?, high_risk = ?,
                    high_risk_designated_at = CASE WHEN ? AND high_risk_designated_at IS NULL THEN ?
                        ELSE high_risk_designated_at END,
                    last_seq = ?
                WHERE project_id = ?""")
            .params(policyId, s.connectorId(), text(p, "subdistrictCode"), JSON.writeValueAsString(p),
                utc(time(p, "filedAt")), highRisk, highRisk, utc(s.receivedAt()), s.seq(), projectId)
            .update();
      } else {
        tx.sql("""
                INSERT INTO prj_project (project_id, policy_id, insurer_connector_id, subdistrict_code, doc,
                    filed_at, high_risk, high_risk_designated_at, status, status_changed_at, actual_start_at,
                    completed_at, registered_seq, last_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', NULL, NULL, NULL, ?, ?)""")
            .params(projectId, policyId, s.connectorId(), text(p, "subdistrictCode"), JSON.writeValueAsString(p),
                utc(time(p, "filedAt")), highRisk, ts(highRisk ? s.receivedAt() : null), s.seq(), s.seq())
            .update();
      }
      for (JsonNode w : p.path("registeredWorkers")) {
        tx.sql("""
                INSERT INTO prj_worker (project_id, worker_key, listed_at, listed_seq) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
            .params(projectId, Masking.key(w), utc(s.receivedAt()), s.seq())
            .update();
      }
    }
    return projects;
  }

  private void statusChange(JdbcClient tx, SubmissionRow s, JsonNode body) {
    OffsetDateTime at = utc(time(body, "effectiveAt"));
    switch (text(body, "status")) {
      case "STARTED" -> tx.sql("""
              UPDATE prj_project SET status = 'IN_PROGRESS', status_changed_at = ?,
                  actual_start_at = COALESCE(actual_start_at, ?), last_seq = ? WHERE project_id = ?""")
          .params(at, at, s.seq(), s.projectId()).update();
      case "STOPPED_BY_ORDER" -> setStatus(tx, s, "SUSPENDED", at);
      case "RESUMED" -> setStatus(tx, s, "IN_PROGRESS", at);
      case "COMPLETED" -> tx.sql("""
              UPDATE prj_project SET status = 'COMPLETED', status_changed_at = ?, completed_at = ?,
                  last_seq = ? WHERE project_id = ?""")
          .params(at, at, s.seq(), s.projectId()).update();
      default -> { }
    }
  }

  private static void setStatus(JdbcClient tx, SubmissionRow s, String status, OffsetDateTime at) {
    tx.sql("UPDATE prj_project SET status = ?, status_changed_at = ?, last_seq = ? WHERE project_id = ?")
        .params(status, at, s.seq(), s.projectId()).update();
  }

  // --- records ----------------------------------------------------------------------------------

  private Set<String> recordOnly(JdbcClient tx, SubmissionRow s, String kind, JsonNode body, String idField, String timeField) {
    record(tx, s, kind, s.projectId(), text(body, idField), time(body, timeField), body);
    return s.projectId() == null ? Set.of() : Set.of(s.projectId());
  }

  private static void record(JdbcClient tx, SubmissionRow s, String kind, @Nullable String ownerId, String recordId,
      Instant recordTime, JsonNode body) {
    if (ownerId == null) {
      return;
    }
    tx.sql("DELETE FROM prj_record WHERE kind = ? AND owner_id = ? AND record_id = ?")
        .params(kind, ownerId, recordId).update();
    tx.sql("""
            INSERT INTO prj_record (kind, owner_id, record_id, project_id, submission_seq, submission_id,
                received_at, record_time, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(kind, ownerId, recordId, varchar(s.projectId()), s.seq(), s.submissionId(), utc(s.receivedAt()),
            utc(recordTime), JSON.writeValueAsString(body))
        .update();
  }

  private Set<String> preventionFee(JdbcClient tx, SubmissionRow s, JsonNode body) {
    String policyId = s.pathSegmentAfter("/v1/policies/");
    if (policyId == null) {
      return Set.of();
    }
    record(tx, s, "PREVENTION_FEE", policyId, text(body, "entryId"), time(body, "spentAt"), body);
    return new LinkedHashSet<>(tx.sql("SELECT project_id FROM prj_project WHERE policy_id = ? ORDER BY project_id")
        .param(policyId).query(String.class).list());
  }

  // --- hazards ----------------------------------------------------------------------------------

  private Set<String> inspection(JdbcClient tx, SubmissionRow s, JsonNode body, EventSink events) {
    String projectId = s.projectId();
    if (projectId == null) {
      return Set.of();
    }
    Instant startedAt = time(body, "startedAt");
    record(tx, s, "INSPECTION", projectId, text(body, "inspectionId"), startedAt, body);
    Optional<String[]> project = tx.sql("SELECT subdistrict_code, insurer_connector_id FROM prj_project WHERE project_id = ?")
        .param(projectId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    if (project.isEmpty()) {
      return Set.of();
    }
    String subdistrict = project.get()[0];
    String insurer = project.get()[1];
    int index = 0;
    for (JsonNode f : body.path("findings")) {
      index++;
      String hazardId = text(f, "hazardId");
      JsonNode stopWork = f.path("stopWork");
      String scope = stopWork.path("scope").isString() ? stopWork.path("scope").stringValue() : null;
      Object[] values = {
          text(f, "category"), text(f, "description"), varchar(optText(f, "location")), text(f, "grade"),
          varchar(optText(f, "majorCriterionRef")), varchar(json(Masking.person(f.get("responsiblePerson")))),
          ts(optTime(f, "rectificationDeadline")), JSON.writeValueAsString(f.path("requiredMeasures")),
          varchar(stopWork.isObject() ? JSON.writeValueAsString(stopWork) : null),
          varchar(stopWork.path("required").asBoolean(false) ? scope : null),
          utc(startedAt), utc(time(body, "endedAt")), ts(optTime(f, "insuredNotifiedAt")),
          text(body, "inspectionId"), s.seq()};
      int updated = tx.sql("""
              UPDATE prj_hazard SET category = ?, description = ?, location = ?, grade = ?,
                  major_criterion_ref = ?, responsible_person = ?, rectification_deadline = ?,
                  required_measures = ?, stop_work = ?, stop_work_scope = ?, detected_at = ?,
                  inspection_ended_at = ?, insured_notified_at = ?, source_ref = ?, last_seq = ?
              WHERE project_id = ? AND hazard_id = ?""")
          .params(append(values, projectId, hazardId)).update();
      if (updated == 0) {
        tx.sql("""
                INSERT INTO prj_hazard (category, description, location, grade, major_criterion_ref,
                    responsible_person, rectification_deadline, required_measures, stop_work, stop_work_scope,
                    detected_at, inspection_ended_at, insured_notified_at, source_ref, last_seq,
                    project_id, hazard_id, row_seq, subdistrict_code, insurer_connector_id, source, status,
                    recorded_at, list_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'INSPECTION', 'OPEN', ?, ?)""")
            .params(append(values, projectId, hazardId, s.seq() * 1000 + index, subdistrict, insurer,
                utc(s.receivedAt()), nextPosition(tx)))
            .update();
        Map<String, Object> data = hazardData(projectId, hazardId, f, body);
        events.emit(new PlatformEvent(EventTypes.HAZARD_REPORTED, projectId, subdistrict, insurer, s.receivedAt(), data));
        if ("MAJOR".equals(text(f, "grade"))) {
          events.emit(new PlatformEvent(EventTypes.HAZARD_MAJOR, projectId, subdistrict, insurer, s.receivedAt(), data));
        }
      }
    }
    if ("REINSPECTION".equals(text(body, "type"))) {
      for (JsonNode h : body.path("reinspectionOf")) {
        tx.sql("""
                UPDATE prj_hazard SET reinspected_at = COALESCE(reinspected_at, ?), last_seq = ?
                WHERE project_id = ? AND hazard_id = ?""")
            .params(utc(startedAt), s.seq(), projectId, h.asString()).update();
      }
    }
    return Set.of(projectId);
  }

  private static Map<String, Object> hazardData(String projectId, String hazardId, JsonNode f, JsonNode inspection) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("projectId", projectId);
    data.put("hazardId", hazardId);
    data.put("inspectionId", text(inspection, "inspectionId"));
    data.put("grade", text(f, "grade"));
    data.put("category", text(f, "category"));
    data.put("description", text(f, "description"));
    if (f.path("majorCriterionRef").isString()) {
      data.put("majorCriterionRef", f.path("majorCriterionRef").stringValue());
    }
    data.put("rectificationDeadline", f.path("rectificationDeadline").asString());
    if (f.path("stopWork").isObject()) {
      data.put("stopWork", JSON.convertValue(f.path("stopWork"), Map.class));
    }
    return data;
  }

  private Set<String> rectification(JdbcClient tx, SubmissionRow s, JsonNode body) {
    String projectId = s.projectId();
    if (projectId == null) {
      return Set.of();
    }
    record(tx, s, "RECTIFICATION", projectId, text(body, "rectificationId"), time(body, "submittedAt"), body);
    tx.sql("""
            UPDATE prj_hazard SET status = CASE WHEN status IN ('VERIFIED', 'CANCELLED') THEN status ELSE 'RECTIFIED' END,
                rectifier_key = ?, status_detail = NULL, last_seq = ?
            WHERE project_id = ? AND hazard_id = ?""")
        .params(Masking.key(body.path("rectifiedBy")), s.seq(), projectId, text(body, "hazardId")).update();
    return Set.of(projectId);
  }

  private Set<String> verification(JdbcClient tx, SubmissionRow s, JsonNode body) {
    String projectId = s.projectId();
    if (projectId == null) {
      return Set.of();
    }
    Instant verifiedAt = time(body, "verifiedAt");
    record(tx, s, "VERIFICATION", projectId, text(body, "verificationId"), verifiedAt, body);
    String hazardId = text(body, "hazardId");
    Optional<String[]> hazard = tx.sql("""
            SELECT grade, status, rectifier_key, reinspected_at FROM prj_hazard WHERE project_id = ? AND hazard_id = ?""")
        .params(projectId, hazardId)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4) == null ? null : "yes"})
        .optional();
    if (hazard.isEmpty() || CLOSED.contains(hazard.get()[1])) {
      return Set.of(projectId);
    }
    if (!"ACCEPTED".equals(text(body, "result"))) {
      tx.sql("""
              UPDATE prj_hazard SET status = 'RECTIFYING', status_detail = ?, last_seq = ?
              WHERE project_id = ? AND hazard_id = ?""")
          .params("verification " + text(body, "verificationId") + " rejected", s.seq(), projectId, hazardId).update();
      return Set.of(projectId);
    }
    String reinspection = optText(body, "verificationInspectionId");
    if (reinspection != null) {
      tx.sql("""
              UPDATE prj_hazard SET reinspected_at = COALESCE(reinspected_at, (
                  SELECT record_time FROM prj_record WHERE kind = 'INSPECTION' AND owner_id = ? AND record_id = ?))
              WHERE project_id = ? AND hazard_id = ?""")
          .params(projectId, reinspection, projectId, hazardId).update();
    }
    boolean reinspected = reinspection != null || hazard.get()[3] != null;
    String detail = null;
    if (Masking.key(body.path("verifiedBy")).equals(hazard.get()[2])) {
      detail = "verified by the rectifier: not closed (R-33)";
    } else if ("MAJOR".equals(hazard.get()[0]) && !reinspected) {
      detail = "a major hazard needs a reinspection before closure (R-31)";
    }
    if (detail != null) {
      tx.sql("UPDATE prj_hazard SET status_detail = ?, last_seq = ? WHERE project_id = ? AND hazard_id = ?")
          .params(detail, s.seq(), projectId, hazardId).update();
    } else {
      tx.sql("""
              UPDATE prj_hazard SET status = 'VERIFIED', verified_at = ?, verification_id = ?, closed_at = ?,
                  status_detail = NULL, last_seq = ?
              WHERE project_id = ? AND hazard_id = ?""")
          .params(utc(verifiedAt), text(body, "verificationId"), utc(verifiedAt), s.seq(), projectId, hazardId)
          .update();
    }
    return Set.of(projectId);
  }

  // --- devices, alerts, subscriptions -----------------------------------------------------------

  private Set<String> device(JdbcClient tx, SubmissionRow s, JsonNode body) {
    String projectId = text(body, "projectId");
    String deviceId = text(body, "deviceId");
    tx.sql("DELETE FROM prj_device WHERE device_id = ?").param(deviceId).update();
    tx.sql("INSERT INTO prj_device (device_id, project_id, connector_id, kind, doc, last_seq) VALUES (?, ?, ?, ?, ?, ?)")
        .params(deviceId, text(body, "projectId"), s.connectorId(), text(body, "kind"),
            JSON.writeValueAsString(body), s.seq())
        .update();
    return Set.of(projectId); // R-50 judges a monitor's settings
  }

  private Set<String> alerts(JdbcClient tx, SubmissionRow s, List<JsonNode> list, EventSink events) {
    int index = -1;
    for (JsonNode e : list) {
      index++;
      boolean projected = tx.sql("SELECT COUNT(*) FROM prj_alert WHERE submission_seq = ? AND item_index = ?")
          .params(s.seq(), index).query(Long.class).single() > 0;
      if (projected) {
        continue; // processed before (a retry after a crash between commit and acknowledgement)
      }
      String projectId = text(e, "subject");
      Optional<String[]> project = tx.sql("SELECT subdistrict_code, insurer_connector_id FROM prj_project WHERE project_id = ?")
          .param(projectId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
      String subdistrict = project.map(p -> p[0]).orElse(null);
      String insurer = project.map(p -> p[1]).orElse(null);
      String source = text(e, "source");
      String id = text(e, "id");
      String duplicateOf = tx.sql("""
              SELECT submission_id FROM prj_alert WHERE event_source = ? AND event_id = ?
              ORDER BY submission_seq, item_index LIMIT 1""")
          .params(source, id).query(String.class).optional().orElse(null);
      String outcome = e.path("data").path("outcome").isString() ? e.path("data").path("outcome").stringValue() : null;
      tx.sql("""
              INSERT INTO prj_alert (submission_seq, item_index, submission_id, project_id, subdistrict_code,
                  insurer_connector_id, connector_id, event_source, event_id, event_type, outcome, received_at,
                  duplicate_of, review_status, hazard_id, event_json, list_position)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', NULL, ?, ?)""")
          .params(s.seq(), index, s.submissionId(), projectId, varchar(subdistrict), varchar(insurer), s.connectorId(),
              source, id, text(e, "type"), varchar(outcome), utc(s.receivedAt()), varchar(duplicateOf),
              JSON.writeValueAsString(e), nextPosition(tx))
          .update();
      if (duplicateOf == null) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", projectId);
        data.put("submissionId", s.submissionId());
        data.put("alertSource", source);
        data.put("alertId", id);
        data.put("alertType", text(e, "type"));
        if (e.path("data").path("eventType").isString()) {
          data.put("eventType", e.path("data").path("eventType").stringValue());
        }
        if (e.path("data").path("kind").isString()) {
          data.put("kind", e.path("data").path("kind").stringValue());
        }
        if (outcome != null) {
          data.put("outcome", outcome);
        }
        data.put("reviewStatus", "PENDING");
        events.emit(new PlatformEvent(EventTypes.ALERT_RECEIVED, projectId, subdistrict, insurer, s.receivedAt(), data));
      }
    }
    return Set.of();
  }

  private Set<String> subscription(JdbcClient tx, SubmissionRow s, JsonNode body) {
    String id = text(body, "subscriptionId");
    JsonNode filter = body.path("filter");
    tx.sql("DELETE FROM prj_subscription WHERE subscription_id = ?").param(id).update();
    tx.sql("""
            INSERT INTO prj_subscription (subscription_id, subscriber_connector_id, url, event_types,
                subdistrict_codes, project_ids, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, text(body, "subscriberConnectorId"), text(body, "url"), JSON.writeValueAsString(body.path("eventTypes")),
            varchar(filter.path("subdistrictCodes").isArray() ? JSON.writeValueAsString(filter.path("subdistrictCodes")) : null),
            varchar(filter.path("projectIds").isArray() ? JSON.writeValueAsString(filter.path("projectIds")) : null),
            s.seq())
        .update();
    return Set.of();
  }

  private Applied deleteSubscription(JdbcClient tx, SubmissionRow s) {
    String id = s.pathSegmentAfter("/v1/admin/subscriptions/");
    if (id != null) {
      tx.sql("DELETE FROM prj_subscription WHERE subscription_id = ?").param(id).update();
      // Deliveries not yet made are not made: the subscriber asked for no more events.
      tx.sql("UPDATE event_delivery SET status = 'CANCELLED' WHERE subscription_id = ? AND status = 'PENDING'")
          .param(id).update();
    }
    return Applied.none();
  }

  // --- alert reviews (R-34) ---------------------------------------------------------------------

  /** The first receipt of an alert (not a repeat), as a review needs it. */
  private record ReviewedAlert(String projectId, @Nullable String subdistrict, @Nullable String insurer,
      String reviewStatus, JsonNode event) {}

  private Applied alertReview(JdbcClient tx, SubmissionRow s, JsonNode body, EventSink events) {
    String projectId = s.projectId();
    if (projectId == null) {
      return Applied.none();
    }
    String reviewId = text(body, "reviewId");
    Instant reviewedAt = time(body, "reviewedAt");
    record(tx, s, "ALERT_REVIEW", projectId, reviewId, reviewedAt, body);
    String source = text(body.path("alert"), "source");
    String id = text(body.path("alert"), "id");
    Optional<ReviewedAlert> found = tx.sql("""
            SELECT project_id, subdistrict_code, insurer_connector_id, review_status, event_json FROM prj_alert
            WHERE event_source = ? AND event_id = ? AND duplicate_of IS NULL
            ORDER BY submission_seq, item_index LIMIT 1""")
        .params(source, id)
        .query((rs, n) -> new ReviewedAlert(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            JSON.readTree(rs.getString(5))))
        .optional();
    Set<String> touched = Set.of(projectId);
    // Another project's alert is answered like an unknown one: a review reveals nothing of other tenants.
    if (found.isEmpty() || !found.get().projectId().equals(projectId)) {
      return Applied.rejected(touched, "no alert (" + source + ", " + id + ") was received for project " + projectId);
    }
    ReviewedAlert alert = found.get();
    if (!"PENDING".equals(alert.reviewStatus())) {
      return Applied.rejected(touched, "the alert was already reviewed: " + alert.reviewStatus());
    }
    String decision = text(body, "decision");
    if (!"CONFIRMED".equals(decision)) {
      markReviewed(tx, s, source, id, decision, null, reviewId, reviewedAt);
      return Applied.on(touched);
    }
    JsonNode h = body.path("hazard");
    String hazardId = text(h, "hazardId");
    String refusal = promotion.refusal(alert.event());
    if (refusal == null && tx.sql("SELECT COUNT(*) FROM prj_hazard WHERE project_id = ? AND hazard_id = ?")
        .params(projectId, hazardId).query(Long.class).single() > 0) {
      refusal = "hazard " + hazardId + " already exists on the project";
    }
    if (refusal != null) {
      markReviewed(tx, s, source, id, "CONFIRMED", null, reviewId, reviewedAt);
      return Applied.rejected(touched, "confirmed, but no hazard opened: " + refusal);
    }
    AlertPromotion.Suggestion suggestion = promotion.suggest(alert.event());
    JsonNode stopWork = h.path("stopWork");
    String scope = stopWork.path("required").asBoolean(false) && stopWork.path("scope").isString()
        ? stopWork.path("scope").stringValue() : null;
    JsonNode measures = h.path("requiredMeasures").isArray() ? h.path("requiredMeasures")
        : JSON.valueToTree(suggestion.measures());
    boolean electricity = "org.capillary.alert.electricity.v1".equals(text(alert.event(), "type"));
    Instant detectedAt = time(alert.event(), "time");
    tx.sql("""
            INSERT INTO prj_hazard (project_id, hazard_id, row_seq, subdistrict_code, insurer_connector_id, source,
                source_ref, category, description, location, grade, major_criterion_ref, responsible_person,
                rectification_deadline, required_measures, stop_work, stop_work_scope, status, detected_at,
                recorded_at, inspection_ended_at, insured_notified_at, last_seq, list_position,
                rectification_suggestion)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, NULL, ?, ?, ?, ?)""")
        .params(projectId, hazardId, s.seq() * 1000, varchar(alert.subdistrict()), varchar(alert.insurer()),
            electricity ? "ELECTRICITY_ALARM" : "AI_ALERT", id, suggestion.category(), suggestion.description(),
            varchar(optText(h, "location")), text(h, "grade"), varchar(optText(h, "majorCriterionRef")),
            varchar(json(Masking.person(h.get("responsiblePerson")))), ts(optTime(h, "rectificationDeadline")),
            JSON.writeValueAsString(measures), varchar(stopWork.isObject() ? JSON.writeValueAsString(stopWork) : null),
            varchar(scope), utc(detectedAt), utc(s.receivedAt()), ts(optTime(h, "insuredNotifiedAt")), s.seq(),
            nextPosition(tx), JSON.writeValueAsString(suggestion))
        .update();
    markReviewed(tx, s, source, id, "CONFIRMED", hazardId, reviewId, reviewedAt);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("projectId", projectId);
    data.put("hazardId", hazardId);
    data.put("alertSource", source);
    data.put("alertId", id);
    data.put("reviewId", reviewId);
    data.put("grade", text(h, "grade"));
    data.put("category", suggestion.category());
    data.put("description", suggestion.description());
    if (h.path("majorCriterionRef").isString()) {
      data.put("majorCriterionRef", h.path("majorCriterionRef").stringValue());
    }
    data.put("rectificationDeadline", optText(h, "rectificationDeadline"));
    data.put("requiredMeasures", JSON.convertValue(measures, List.class));
    data.put("rectificationSuggestion", JSON.convertValue(suggestion, Map.class));
    if (stopWork.isObject()) {
      data.put("stopWork", JSON.convertValue(stopWork, Map.class));
    }
    events.emit(new PlatformEvent(EventTypes.HAZARD_REPORTED, projectId, alert.subdistrict(), alert.insurer(),
        s.receivedAt(), data));
    if ("MAJOR".equals(text(h, "grade"))) {
      events.emit(new PlatformEvent(EventTypes.HAZARD_MAJOR, projectId, alert.subdistrict(), alert.insurer(),
          s.receivedAt(), data));
    }
    return Applied.on(touched);
  }

  /** Marks the alert and its repeats reviewed. */
  private static void markReviewed(JdbcClient tx, SubmissionRow s, String source, String id, String status,
      @Nullable String hazardId, String reviewId, Instant reviewedAt) {
    tx.sql("""
            UPDATE prj_alert SET review_status = ?, hazard_id = ?, review_id = ?, reviewed_at = ?
            WHERE event_source = ? AND event_id = ?""")
        .params(status, varchar(hazardId), reviewId, utc(reviewedAt), source, id)
        .update();
  }

  /** The next list position of a hazard or alert (the caller holds the projection lock). */
  private static long nextPosition(JdbcClient tx) {
    tx.sql("UPDATE projection_lock SET last_position = last_position + 1 WHERE name = 'projection'").update();
    return tx.sql("SELECT last_position FROM projection_lock WHERE name = 'projection'").query(Long.class).single();
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static Object[] append(Object[] head, Object... tail) {
    Object[] out = new Object[head.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(tail, 0, out, head.length, tail.length);
    return out;
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (!v.isString()) {
      throw new IllegalArgumentException("the record lacks " + field);
    }
    return v.stringValue();
  }

  static @Nullable String optText(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isString() ? v.stringValue() : null;
  }

  static Instant time(JsonNode node, String field) {
    return OffsetDateTime.parse(text(node, field)).toInstant();
  }

  static @Nullable Instant optTime(JsonNode node, String field) {
    String v = optText(node, field);
    return v == null ? null : OffsetDateTime.parse(v).toInstant();
  }

  private static BigDecimal money(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isString() ? new BigDecimal(v.stringValue()) : v.isNumber() ? v.decimalValue() : BigDecimal.ZERO;
  }

  private static @Nullable String json(@Nullable Object value) {
    return value == null ? null : JSON.writeValueAsString(value);
  }

  /** UTC, microseconds: what both databases store is what is read back. */
  public static OffsetDateTime utc(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static SqlParameterValue ts(@Nullable Instant t) {
    return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, t == null ? null : utc(t));
  }

  private static SqlParameterValue varchar(@Nullable String value) {
    return new SqlParameterValue(Types.VARCHAR, value);
  }
}
