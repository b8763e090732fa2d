package org.capillary.gateway.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.capillary.gateway.compliance.FactsReader;
import org.capillary.gateway.compliance.ObligationClock;
import org.capillary.gateway.compliance.ObligationEvaluator;
import org.capillary.gateway.compliance.ObligationRecorder;
import org.capillary.gateway.compliance.ProfileAlertPromotion;
import org.capillary.gateway.compliance.RuleProfile;
import org.capillary.gateway.events.EventRecorder;
import org.capillary.gateway.ratelimit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.node.ObjectNode;

/**
 * The projection worker, the obligation clock and the rebuilder on a real ledger: the ledger
 * becomes projections and obligations, re-processing changes nothing, a rebuild gives identical
 * tables. Run on H2 ({@link H2ProjectionWorkerTest}) and PostgreSQL ({@link PostgresProjectionWorkerTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProjectionWorkerContract {

  static final RuleProfile PROFILE = RuleProfile.load(RuleProfile.FUTIAN);

  private ProjectionDatabase database;
  MutableClock clock;
  JdbcClient jdbc;
  LedgerFixture ledger;
  ProjectionWorker worker;
  ProjectionRebuilder rebuilder;
  ObligationClock obligationClock;
  ObligationRecorder obligations;

  abstract ProjectionDatabase openDatabase();

  @AfterEach
  void close() {
    database.close();
  }

  /** A fresh database per test: each test's clock and dumps are its own. */
  @BeforeEach
  void wire() {
    database = openDatabase();
    DataSource ds = database.dataSource();
    clock = new MutableClock(Instant.parse("2026-03-18T02:00:00Z"));
    jdbc = JdbcClient.create(ds);
    ledger = new LedgerFixture(ds, clock);
    DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
    obligations = new ObligationRecorder(new ObligationEvaluator(PROFILE), new FactsReader());
    EventRecorder events = new EventRecorder("urn:capillary:platform:test", clock);
    Projector projector = new Projector(new ProfileAlertPromotion(PROFILE));
    worker = new ProjectionWorker(ds, tm, ProjectionDialect.of(ds), projector, List.of(obligations), events, clock, 3);
    rebuilder = new ProjectionRebuilder(ds, tm, projector, List.of(obligations), clock);
    obligationClock = new ObligationClock(ds, tm, obligations, events, clock);
    worker.drainOnce();
  }

  String scenario(String suffix) {
    String projectId = "FT-PRJ-" + suffix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String path = "/v1/projects/" + projectId;
    ledger.append(LedgerFixture.INSURER, "registerPolicy", "/v1/policies", projectId,
        LedgerFixture.policy("pol-" + projectId, projectId, false));
    ledger.append(LedgerFixture.INSURER, "reportWorksStatus", path + "/status-changes", projectId,
        LedgerFixture.example("reportWorksStatus", "valid-minimal"));
    ledger.append(LedgerFixture.INSURER, "submitInspection", path + "/inspections", projectId,
        LedgerFixture.example("submitInspection", "valid-full"));
    ledger.append(LedgerFixture.INSURER, "submitRectification", path + "/rectifications", projectId,
        LedgerFixture.example("submitRectification", "valid-minimal"));
    ledger.append(LedgerFixture.INSURER, "submitRectificationVerification", path + "/rectification-verifications",
        projectId, LedgerFixture.example("submitRectificationVerification", "valid-minimal"));
    ledger.append(LedgerFixture.INSURER, "submitInspection", path + "/inspections", projectId,
        LedgerFixture.example("submitInspection", "valid-reinspection"));
    ObjectNode alert = LedgerFixture.example("publishAlert", "valid-indeterminate");
    alert.put("subject", projectId);
    alert.put("id", "alert-" + projectId);
    ledger.append(LedgerFixture.VENDOR, "publishAlert", "/v1/alerts", projectId, alert);
    ledger.append(LedgerFixture.VENDOR, "publishAlert", "/v1/alerts", projectId, alert);
    return projectId;
  }

  @Test
  void theLedgerBecomesProjectionsObligationsAndEvents() {
    String p = scenario("A");
    long eventsBefore = count("SELECT COUNT(*) FROM event WHERE project_id = '" + p + "'");
    assertThat(eventsBefore).isZero();

    assertThat(worker.drainOnce()).isEqualTo(8);

    assertThat(count("SELECT COUNT(*) FROM outbox WHERE processed_at IS NULL")).isZero();
    assertThat(count("SELECT COUNT(*) FROM submission WHERE project_id = '" + p + "' AND status <> 'PROCESSED'")).isZero();
    assertThat(jdbc.sql("SELECT status FROM prj_project WHERE project_id = ?").param(p).query(String.class).single())
        .isEqualTo("IN_PROGRESS");
    assertThat(jdbc.sql("SELECT actual_start_at FROM prj_project WHERE project_id = ?").param(p)
        .query(OffsetDateTime.class).single().toInstant()).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
    assertThat(hazardStatus(p, "hz-0457-0001")).isEqualTo("VERIFIED");
    assertThat(hazardStatus(p, "hz-0457-0002")).isEqualTo("OPEN");
    assertThat(count("SELECT COUNT(*) FROM prj_hazard WHERE project_id = '" + p + "' AND reinspected_at IS NOT NULL"))
        .isEqualTo(1);
    // R-34: an INDETERMINATE alert is recorded, never a hazard; its repeat is marked a duplicate.
    assertThat(count("SELECT COUNT(*) FROM prj_alert WHERE project_id = '" + p + "'")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM prj_alert WHERE project_id = '" + p + "' AND duplicate_of IS NOT NULL"))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM prj_hazard WHERE project_id = '" + p + "' AND source <> 'INSPECTION'")).isZero();

    Map<String, Long> events = eventCounts(p);
    assertThat(events).containsEntry("org.capillary.hazard.reported.v1", 2L)
        .containsEntry("org.capillary.hazard.major.v1", 1L)
        .containsEntry("org.capillary.alert.received.v1", 1L);

    // Obligations as of 2026-03-18T10:00+08:00: the first inspection (R-20) was on time; the general
    // hazard was verified by its deadline (R-32); the major one still awaits verification (R-31).
    assertThat(obligation(p, "R-20")).isEqualTo("MET");
    assertThat(obligation(p, "R-32:hz-0457-0001")).isEqualTo("MET");
    assertThat(obligation(p, "R-31:hz-0457-0002")).isEqualTo("PENDING");
    assertThat(obligation(p, "R-10")).isEqualTo("MISSED");
    // Every obligation MISSED now was announced once (catching up, some were announced missed
    // before their late evidence was projected, so there may be more events than MISSED rows).
    assertThat(events.get("org.capillary.obligation.missed.v1")).isGreaterThanOrEqualTo(
        count("SELECT COUNT(*) FROM prj_obligation WHERE project_id = '" + p + "' AND state = 'MISSED'"));
    assertThat(count("SELECT COUNT(*) FROM prj_obligation WHERE project_id = '" + p
        + "' AND state = 'MISSED' AND NOT EXISTS (SELECT 1 FROM notice n WHERE n.project_id = prj_obligation.project_id"
        + " AND n.subject_id = prj_obligation.obligation_id AND n.kind = 'MISSED')")).isZero();
  }

  /**
   * R-34 on the ledger: alerts, one INDETERMINATE, stay PENDING without hazards until reviewed; a
   * confirmation opens a hazard with the suggestion the profile generates from the alert type and
   * raises the hazard events; a false positive closes its alert and its repeats; reviews of an
   * unknown alert, of another project's alert, of an alert already reviewed, and a confirmed
   * detector FAULT are stored but take no effect (REJECTED_BY_RULES, with the reason).
   */
  @Test
  void reviewsDecideWhichAlertsBecomeHazards() {
    String p = scenario("R");
    String other = scenario("S");
    String path = "/v1/projects/" + p + "/alert-reviews";
    ObjectNode violation = alert(p, "valid-hikvision-no-helmet", "v-" + p);
    ObjectNode fault = alert(p, "valid-electricity-fault", "f-" + p);
    ledger.append(LedgerFixture.VENDOR, "publishAlert", "/v1/alerts", p, violation);
    ledger.append(LedgerFixture.VENDOR, "publishAlert", "/v1/alerts", p, fault);
    worker.drainOnce();
    assertThat(count("SELECT COUNT(*) FROM prj_hazard WHERE project_id = '" + p + "' AND source <> 'INSPECTION'")).isZero();

    var confirmIndeterminate = review("valid-confirmed", "alert-" + p, "urn:capillary:device:cam-ft-000123-01", "hz-ai-1");
    var falsePositive = review("valid-false-positive", "v-" + p, violation.path("source").asString(), null);
    var unknown = review("valid-confirmed", "no-such-alert", "urn:capillary:device:cam-ft-000123-01", "hz-ai-2");
    var othersAlert = review("valid-confirmed", "alert-" + other, "urn:capillary:device:cam-ft-000123-01", "hz-ai-3");
    var again = review("valid-false-positive", "alert-" + p, "urn:capillary:device:cam-ft-000123-01", null);
    var confirmFault = review("valid-confirmed", "f-" + p, fault.path("source").asString(), "hz-ai-4");
    List<String> ids = new ArrayList<>();
    for (ObjectNode r : List.of(confirmIndeterminate, falsePositive, unknown, othersAlert, again, confirmFault)) {
      ids.add(ledger.append(LedgerFixture.INSURER, "reviewAlert", path, p, r).submissionId());
    }
    worker.drainOnce();

    assertThat(jdbc.sql("""
            SELECT source, category, required_measures, rectification_suggestion, status, grade FROM prj_hazard
            WHERE project_id = ? AND hazard_id = 'hz-ai-1'""").param(p)
        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6))).single())
        .satisfies(h -> {
          assertThat(h.get(0)).isEqualTo("AI_ALERT");
          assertThat(h.get(1)).isEqualTo("OTHER");
          assertThat(h.get(2)).contains("安全帽");
          assertThat(h.get(3)).contains("\"ruleProfile\":\"futian-2025\"").contains("安全帽");
          assertThat(h.get(4)).isEqualTo("OPEN");
          assertThat(h.get(5)).isEqualTo("GENERAL");
        });
    assertThat(jdbc.sql("SELECT review_status, hazard_id FROM prj_alert WHERE event_id = ? ORDER BY list_position")
        .param("alert-" + p).query((rs, n) -> rs.getString(1) + "/" + rs.getString(2)).list())
        .containsExactly("CONFIRMED/hz-ai-1", "CONFIRMED/hz-ai-1");
    assertThat(jdbc.sql("SELECT review_status FROM prj_alert WHERE event_id = ?").param("v-" + p)
        .query(String.class).single()).isEqualTo("FALSE_POSITIVE");
    assertThat(status(ids.get(0))).isEqualTo("PROCESSED");
    assertThat(status(ids.get(1))).isEqualTo("PROCESSED");
    for (int i = 2; i < 6; i++) {
      assertThat(status(ids.get(i))).as("review %d", i).isEqualTo("REJECTED_BY_RULES");
    }
    assertThat(detail(ids.get(2))).contains("no alert");
    assertThat(detail(ids.get(3))).isEqualTo(detail(ids.get(2)).replace("no-such-alert", "alert-" + other));
    assertThat(detail(ids.get(4))).contains("already reviewed");
    assertThat(detail(ids.get(5))).contains("fault of the monitor");
    assertThat(count("SELECT COUNT(*) FROM prj_hazard WHERE project_id = '" + p + "' AND source <> 'INSPECTION'"))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM prj_alert WHERE project_id = '" + other + "' AND review_status <> 'PENDING'"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM event WHERE project_id = '" + p + "' AND event_type = "
        + "'org.capillary.hazard.reported.v1' AND cloud_event LIKE '%hz-ai-1%' AND cloud_event LIKE '%rectificationSuggestion%'"))
        .isEqualTo(1);
    // The hazard enters the obligations: R-32 as a GENERAL hazard with the reviewer's deadline.
    assertThat(obligation(p, "R-32:hz-ai-1")).isEqualTo("PENDING");

    String before = dump();
    rebuilder.rebuild();
    assertSameDump(before, dump());
  }

  private ObjectNode alert(String projectId, String example, String id) {
    ObjectNode alert = LedgerFixture.example("publishAlert", example);
    alert.put("subject", projectId);
    alert.put("id", id);
    return alert;
  }

  private static ObjectNode review(String example, String alertId, String source, String hazardId) {
    ObjectNode review = LedgerFixture.example("reviewAlert", example);
    review.put("reviewId", "rev-" + alertId + "-" + example);
    ObjectNode alert = (ObjectNode) review.get("alert");
    alert.put("id", alertId);
    alert.put("source", source);
    if (hazardId != null) {
      ((ObjectNode) review.get("hazard")).put("hazardId", hazardId);
      ((ObjectNode) review.get("hazard")).put("rectificationDeadline", "2026-03-19T18:00:00+08:00");
    }
    return review;
  }

  private String status(String submissionId) {
    return jdbc.sql("SELECT status FROM submission WHERE submission_id = ?").param(submissionId).query(String.class).single();
  }

  private String detail(String submissionId) {
    return jdbc.sql("SELECT status_detail FROM submission WHERE submission_id = ?").param(submissionId)
        .query(String.class).single();
  }

  @Test
  void reprocessingChangesNothing() {
    String p = scenario("B");
    worker.drainOnce();
    assertThat(worker.drainOnce()).isZero();
    String before = dump();
    Map<String, Long> events = eventCounts(p);

    jdbc.sql("UPDATE outbox SET processed_at = NULL").update();
    worker.drainOnce();

    assertSameDump(before, dump());
    assertThat(eventCounts(p)).isEqualTo(events);
  }

  @Test
  void timePassingMakesObligationsMissedAndHazardsOverdueOnce() {
    String p = scenario("C");
    worker.drainOnce();
    assertThat(obligation(p, "R-31:hz-0457-0002")).isEqualTo("PENDING");
    clock.set(Instant.parse("2026-03-18T04:01:00Z")); // 12:01 in Shenzhen, after the 12:00 deadline
    obligationClock.tick();
    obligationClock.tick();
    assertThat(obligation(p, "R-31:hz-0457-0002")).isEqualTo("MISSED");
    Map<String, Long> events = eventCounts(p);
    assertThat(events).containsEntry("org.capillary.hazard.overdue.v1", 1L);
    assertThat(count("SELECT COUNT(*) FROM event WHERE project_id = '" + p + "' AND event_type = "
        + "'org.capillary.obligation.missed.v1' AND cloud_event LIKE '%R-31:hz-0457-0002%'")).isEqualTo(1);
  }

  @Test
  void aTickRewritesOnlyTheObligationsThatAreNoLongerCurrent() {
    String p = scenario("G");
    worker.drainOnce();
    Instant projected = clock.instant();
    assertThat(obligations.upToDate(jdbc, p, projected)).isTrue();

    // One second on, the worker training obligations (R-43, due at the time of projection) are
    // missed: those rows, and only those, are rewritten.
    clock.set(projected.plusSeconds(1));
    obligationClock.tick();
    assertThat(rewrittenSince(p, projected)).isEqualTo(3);
    assertThat(obligation(p, "R-43:1")).isEqualTo("MISSED");

    Instant ticked = clock.instant();
    clock.set(ticked.plusSeconds(1));
    obligationClock.tick();
    assertThat(rewrittenSince(p, ticked)).isZero();

    jdbc.sql("UPDATE prj_obligation SET state = 'MET' WHERE project_id = ? AND obligation_id = 'R-31:hz-0457-0002'")
        .param(p).update();
    assertThat(obligations.upToDate(jdbc, p, clock.instant())).isFalse();
    obligationClock.tick();
    assertThat(obligation(p, "R-31:hz-0457-0002")).isEqualTo("PENDING");
    assertThat(rewrittenSince(p, ticked)).isEqualTo(1);
  }

  private long rewrittenSince(String projectId, Instant since) {
    return jdbc.sql("SELECT COUNT(*) FROM prj_obligation WHERE project_id = ? AND evaluated_at > ?")
        .params(projectId, Projector.utc(since)).query(Long.class).single();
  }

  @Test
  void rebuildGivesIdenticalTables() {
    scenario("D");
    scenario("E");
    worker.drainOnce();
    obligationClock.tick();
    String before = dump();
    long events = count("SELECT COUNT(*) FROM event");

    int replayed = rebuilder.rebuild();

    assertThat(replayed).isGreaterThanOrEqualTo(16);
    String after = dump();
    assertSameDump(before, after);
    assertThat(after).contains("hz-0457-0001").contains("R-20");
    assertThat(count("SELECT COUNT(*) FROM event")).isEqualTo(events);
    // Nothing announced before is announced again once time moves on.
    obligationClock.tick();
    assertThat(count("SELECT COUNT(*) FROM event")).isEqualTo(events);
  }

  @Test
  void theRebuildCommandRebuildsClosesTheApplicationAndExitsZero() {
    scenario("F");
    worker.drainOnce();
    String before = dump();
    var context = new org.springframework.context.support.GenericApplicationContext();
    context.refresh();
    int[] exitCode = {-1};

    new ProjectionRebuildCommand(rebuilder, context, code -> exitCode[0] = code)
        .run(new org.springframework.boot.DefaultApplicationArguments());

    assertSameDump(before, dump());
    assertThat(exitCode[0]).isZero();
    assertThat(context.isActive()).isFalse();
  }

  /** Equal dumps; on a difference, only the differing rows (shortened) are shown. */
  static void assertSameDump(String before, String after) {
    if (before.equals(after)) {
      return;
    }
    List<String> a = List.of(before.split("\n"));
    List<String> b = List.of(after.split("\n"));
    StringBuilder diff = new StringBuilder();
    a.stream().filter(l -> !b.contains(l)).forEach(l -> diff.append("- ").append(shorten(l)).append('\n'));
    b.stream().filter(l -> !a.contains(l)).forEach(l -> diff.append("+ ").append(shorten(l)).append('\n'));
    throw new AssertionError("the tables differ:\n" + diff);
  }

  private static String shorten(String line) {
    return line.replaceAll("doc=\\{.*?\\};", "doc=…;").replaceAll("(.{600}).*", "$1…");
  }

  String hazardStatus(String projectId, String hazardId) {
    return jdbc.sql("SELECT status FROM prj_hazard WHERE project_id = ? AND hazard_id = ?")
        .params(projectId, hazardId).query(String.class).single();
  }

  String obligation(String projectId, String obligationId) {
    return jdbc.sql("SELECT state FROM prj_obligation WHERE project_id = ? AND obligation_id = ?")
        .params(projectId, obligationId).query(String.class).single();
  }

  long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  Map<String, Long> eventCounts(String projectId) {
    Map<String, Long> out = new TreeMap<>();
    jdbc.sql("SELECT event_type, COUNT(*) FROM event WHERE project_id = ? GROUP BY event_type").param(projectId)
        .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
    return out;
  }

  /** Every projection table, rows as text, sorted: equal dumps mean equal tables. */
  String dump() {
    StringBuilder out = new StringBuilder();
    for (String table : ProjectionRebuilder.TABLES) {
      List<String> rows = new ArrayList<>();
      jdbc.sql("SELECT * FROM " + table).query(rs -> {
        ResultSetMetaData md = rs.getMetaData();
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          if (v instanceof OffsetDateTime t) {
            v = t.toInstant();
          } else if (v instanceof java.sql.Timestamp t) {
            v = t.toInstant();
          } else if (v instanceof BigDecimal d) {
            v = d.toPlainString();
          }
          row.append(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT)).append('=').append(v).append(';');
        }
        rows.add(row.toString());
      });
      rows.sort(String::compareTo);
      out.append("== ").append(table).append(" (").append(rows.size()).append(")\n");
      rows.forEach(r -> out.append(r).append('\n'));
    }
    return out.toString();
  }
}
