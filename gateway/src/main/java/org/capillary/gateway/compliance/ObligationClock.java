package org.capillary.gateway.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.capillary.gateway.events.EventRecorder;
import org.capillary.gateway.events.EventSink;
import org.capillary.gateway.events.EventTypes;
import org.capillary.gateway.events.PlatformEvent;
import org.capillary.gateway.projection.Projector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves obligations and hazards along as time passes: re-evaluates, in one transaction per
 * project, every project with a PENDING obligation (PENDING becomes due-soon or MISSED without any
 * submission) whose stored obligations are no longer what an evaluation now gives
 * ({@link ObligationRecorder#upToDate}), and reports each hazard that has passed its deadline unverified (hazard.overdue,
 * R-33) exactly once ({@link Notices}, in the transaction that records the event). Several replicas may tick at once: the project row lock and the flag make that safe.
 */
public final class ObligationClock {

  private static final Logger LOG = LoggerFactory.getLogger(ObligationClock.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ObligationRecorder obligations;
  private final EventRecorder recorder;
  private final Clock clock;

  /**
   * @param dataSource the gateway's DataSource
   * @param transactionManager its transaction manager
   * @param obligations evaluates and stores obligations
   * @param recorder records events
   * @param clock the time
   */
  public ObligationClock(DataSource dataSource, PlatformTransactionManager transactionManager,
      ObligationRecorder obligations, EventRecorder recorder, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(transactionManager);
    this.obligations = obligations;
    this.recorder = recorder;
    this.clock = clock;
  }

  /** One tick (blocking). */
  public void tick() {
    Instant now = clock.instant();
    EventSink events = e -> recorder.record(jdbc, e);
    List<String> projects = jdbc.sql("""
            SELECT DISTINCT project_id FROM prj_obligation WHERE state = 'PENDING' ORDER BY project_id""")
        .query(String.class).list();
    for (String projectId : projects) {
      try {
        // Most projects are as time left them: find those read-only, so that a tick costs no
        // write (nor row lock) for them, and re-evaluate under the project's lock only the rest.
        if (Boolean.TRUE.equals(transactions.execute(s -> obligations.upToDate(jdbc, projectId, now)))) {
          continue;
        }
        transactions.executeWithoutResult(s -> obligations.projectChanged(jdbc, projectId, now, events));
      } catch (RuntimeException e) {
        LOG.warn("obligations of {} not re-evaluated: {}", projectId, e.toString());
      }
    }
    List<String[]> overdue = jdbc.sql("""
            SELECT project_id, hazard_id FROM prj_hazard
            WHERE rectification_deadline < ? AND status NOT IN ('VERIFIED', 'CANCELLED')
                AND NOT EXISTS (SELECT 1 FROM notice n WHERE n.project_id = prj_hazard.project_id
                    AND n.subject_id = prj_hazard.hazard_id AND n.kind = 'OVERDUE')
            ORDER BY row_seq""")
        .param(Projector.utc(now))
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
        .list();
    for (String[] h : overdue) {
      transactions.executeWithoutResult(s -> overdue(h[0], h[1], now, events));
    }
  }

  private void overdue(String projectId, String hazardId, Instant now, EventSink events) {
    if (!Notices.first(jdbc, projectId, hazardId, Notices.OVERDUE, now)) {
      return; // another replica reported it
    }
    jdbc.sql("""
            SELECT subdistrict_code, insurer_connector_id, grade, rectification_deadline, status
            FROM prj_hazard WHERE project_id = ? AND hazard_id = ?""")
        .params(projectId, hazardId)
        .query((rs, n) -> {
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("projectId", projectId);
          data.put("hazardId", hazardId);
          data.put("grade", rs.getString(3));
          data.put("rectificationDeadline", rs.getObject(4, java.time.OffsetDateTime.class).toInstant().toString());
          data.put("status", rs.getString(5));
          return new PlatformEvent(EventTypes.HAZARD_OVERDUE, projectId, rs.getString(1), rs.getString(2), now, data);
        })
        .list()
        .forEach(events::emit);
  }
}
