package org.capillary.gateway.projection;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.capillary.gateway.events.EventSink;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every projection from the ledger: under the projection lock, in one transaction, deletes
 * the projection rows and replays all submissions in seq order, then evaluates the obligations of
 * every project once and marks the outbox processed. Events are not raised again (they were told
 * when the submissions were first projected); the event log, its deliveries and the notices are kept, so the obligation clock announces only
 * what was never announced.
 */
public final class ProjectionRebuilder {

  /** The projection tables, children first. */
  public static final List<String> TABLES = List.of("prj_obligation", "prj_alert", "prj_device", "prj_hazard",
      "prj_record", "prj_worker", "prj_subscription", "prj_project", "prj_policy", "prj_applied");

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Projector projector;
  private final List<ProjectionHook> hooks;
  private final Clock clock;

  /**
   * @param dataSource the gateway's DataSource
   * @param transactionManager its transaction manager
   * @param projector applies submissions
   * @param hooks run for each project once the ledger is replayed
   * @param clock the instant obligations are evaluated at
   */
  public ProjectionRebuilder(DataSource dataSource, PlatformTransactionManager transactionManager,
      Projector projector, List<ProjectionHook> hooks, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(transactionManager);
    this.projector = projector;
    this.hooks = List.copyOf(hooks);
    this.clock = clock;
  }

  /**
   * Rebuilds (blocking).
   *
   * @return the number of submissions replayed
   */
  public int rebuild() {
    Integer replayed = transactions.execute(status -> {
      // Waits for a worker that is projecting (no SKIP LOCKED here).
      jdbc.sql("SELECT name FROM projection_lock WHERE name = 'projection' FOR UPDATE").query(String.class).single();
      for (String table : TABLES) {
        jdbc.sql("DELETE FROM " + table).update();
      }
      jdbc.sql("UPDATE projection_lock SET last_position = 0 WHERE name = 'projection'").update();
      List<Long> seqs = jdbc.sql("SELECT seq FROM submission ORDER BY seq").query(Long.class).list();
      Set<String> projects = new LinkedHashSet<>();
      for (long seq : seqs) {
        jdbc.sql("INSERT INTO prj_applied (submission_seq) VALUES (?)").param(seq).update();
        projects.addAll(projector.apply(jdbc, ProjectionWorker.load(jdbc, seq), EventSink.NONE).projects());
      }
      Instant now = clock.instant();
      for (String projectId : jdbc.sql("SELECT project_id FROM prj_project ORDER BY project_id").query(String.class).list()) {
        for (ProjectionHook hook : hooks) {
          hook.projectChanged(jdbc, projectId, now, EventSink.NONE);
        }
      }
      jdbc.sql("UPDATE outbox SET processed_at = ? WHERE processed_at IS NULL").param(Projector.utc(now)).update();
      jdbc.sql("UPDATE submission SET status = ?, processed_at = ? WHERE status = 'ACCEPTED'")
          .params(ProjectionWorker.PROCESSED, Projector.utc(now)).update();
      return seqs.size();
    });
    return replayed == null ? 0 : replayed;
  }
}
