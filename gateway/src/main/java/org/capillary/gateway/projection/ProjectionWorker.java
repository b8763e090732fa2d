package org.capillary.gateway.projection;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.capillary.gateway.events.EventRecorder;
import org.capillary.gateway.events.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes the outbox ({@code submission.accepted} rows) in ledger order: for each row, in one
 * transaction, applies the submission to the projections ({@link Projector}), runs the hooks
 * (obligations) for each project it touched, records the events raised, and marks the outbox row
 * processed and the submission PROCESSED. A submission is applied at most once ({@code
 * prj_applied}): processing its row again only marks it processed.
 *
 * <p>Safe with several replicas: each transaction first locks the single {@code projection_lock}
 * row ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL: a replica that finds it held does nothing
 * this round), so exactly one replica projects at a time and rows are applied in order. A row
 * whose projection fails is retried on later rounds; after {@code maxAttempts} it is set aside
 * (outbox processed, submission PROJECTION_FAILED with the reason) so that it cannot block the
 * ledger behind it. A submission a business rule refuses ({@link Applied#rejection()}) is kept in
 * the ledger and marked REJECTED_BY_RULES with the reason.
 */
public final class ProjectionWorker {

  /** The submission status once projected. */
  public static final String PROCESSED = "PROCESSED";
  /** The submission status of a submission a business rule kept from taking effect. */
  public static final String REJECTED_BY_RULES = "REJECTED_BY_RULES";
  /** The submission status of a submission whose projection failed every attempt. */
  public static final String PROJECTION_FAILED = "PROJECTION_FAILED";

  private static final Logger LOG = LoggerFactory.getLogger(ProjectionWorker.class);
  private static final String TOPIC = "submission.accepted";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ProjectionDialect dialect;
  private final Projector projector;
  private final List<ProjectionHook> hooks;
  private final EventRecorder recorder;
  private final Clock clock;
  private final int maxAttempts;

  /**
   * @param dataSource the gateway's DataSource
   * @param transactionManager its transaction manager
   * @param dialect the database's dialect
   * @param projector applies submissions
   * @param hooks run for each project a submission touched
   * @param recorder records events
   * @param clock the time of processing and of obligation evaluation
   * @param maxAttempts attempts before a failing row is set aside
   */
  public ProjectionWorker(DataSource dataSource, PlatformTransactionManager transactionManager,
      ProjectionDialect dialect, Projector projector, List<ProjectionHook> hooks, EventRecorder recorder,
      Clock clock, int maxAttempts) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(transactionManager);
    this.dialect = dialect;
    this.projector = projector;
    this.hooks = List.copyOf(hooks);
    this.recorder = recorder;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
  }

  /**
   * Processes every pending outbox row (blocking; call off the event loop).
   *
   * @return the number of rows processed (or set aside)
   */
  public int drainOnce() {
    int processed = 0;
    while (true) {
      Step step;
      try {
        step = transactions.execute(status -> processNext());
      } catch (RuntimeException e) {
        step = recordFailure(e);
      }
      if (step == null || step == Step.IDLE) {
        return processed;
      }
      processed++;
    }
  }

  private enum Step { IDLE, DONE }

  private Step processNext() {
    if (!lock(jdbc, dialect)) {
      return Step.IDLE;
    }
    Optional<long[]> row = nextRow();
    if (row.isEmpty()) {
      return Step.IDLE;
    }
    long outboxId = row.get()[0];
    SubmissionRow submission = load(jdbc, row.get()[1]);
    Instant now = clock.instant();
    EventSink events = event -> recorder.record(jdbc, event);
    boolean first = jdbc.sql("INSERT INTO prj_applied (submission_seq) VALUES (?) ON CONFLICT DO NOTHING")
        .param(submission.seq()).update() == 1;
    Applied applied = first ? projector.apply(jdbc, submission, events) : Applied.none();
    for (String projectId : applied.projects()) {
      for (ProjectionHook hook : hooks) {
        hook.projectChanged(jdbc, projectId, now, events);
      }
    }
    if (first && applied.rejection() != null) {
      markProcessed(outboxId, submission.seq(), now, REJECTED_BY_RULES, applied.rejection());
    } else if (first) {
      markProcessed(outboxId, submission.seq(), now, PROCESSED, null);
    } else {
      // Applied before (by a rebuild, or a row processed twice): keep a status already decided.
      jdbc.sql("UPDATE outbox SET processed_at = ? WHERE id = ?").params(Projector.utc(now), outboxId).update();
      jdbc.sql("UPDATE submission SET status = ?, processed_at = ? WHERE seq = ? AND status = 'ACCEPTED'")
          .params(PROCESSED, Projector.utc(now), submission.seq()).update();
    }
    return Step.DONE;
  }

  private Step recordFailure(RuntimeException e) {
    return transactions.execute(status -> {
      if (!lock(jdbc, dialect)) {
        return Step.IDLE;
      }
      Optional<long[]> row = nextRow();
      if (row.isEmpty()) {
        return Step.IDLE;
      }
      int attempts = jdbc.sql("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?").param(row.get()[0]).update() == 1
          ? jdbc.sql("SELECT attempts FROM outbox WHERE id = ?").param(row.get()[0]).query(Integer.class).single() : 0;
      LOG.warn("projection of submission seq {} failed (attempt {} of {}): {}", row.get()[1], attempts, maxAttempts,
          e.toString());
      if (attempts >= maxAttempts) {
        markProcessed(row.get()[0], row.get()[1], clock.instant(), PROJECTION_FAILED, e.toString());
        return Step.DONE;
      }
      return Step.IDLE;
    });
  }

  private Optional<long[]> nextRow() {
    // processed_at leads the ORDER BY (it is NULL in every row selected, so the order is ledger
    // order) so that both databases walk outbox_pending_seq_ix in order and stop at the first row,
    // instead of sorting the whole backlog for every row they project.
    return jdbc.sql("""
            SELECT id, submission_seq FROM outbox WHERE processed_at IS NULL AND topic = ?
            ORDER BY processed_at, submission_seq, id LIMIT 1""")
        .param(TOPIC)
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .optional();
  }

  private void markProcessed(long outboxId, long seq, Instant now, String status, String detail) {
    OffsetDateTime at = Projector.utc(now);
    jdbc.sql("UPDATE outbox SET processed_at = ? WHERE id = ?").params(at, outboxId).update();
    jdbc.sql("UPDATE submission SET status = ?, processed_at = ?, status_detail = ? WHERE seq = ?")
        .params(status, at, new SqlParameterValue(Types.VARCHAR, detail), seq).update();
  }

  /** Takes the projection lock in the current transaction; false when another replica holds it. */
  static boolean lock(JdbcClient tx, ProjectionDialect dialect) {
    return tx.sql("SELECT name FROM projection_lock WHERE name = 'projection' " + dialect.lockClause())
        .query(String.class).optional().isPresent();
  }

  static SubmissionRow load(JdbcClient tx, long seq) {
    return tx.sql("""
            SELECT seq, submission_id, connector_id, operation_id, path, project_id, received_at, body
            FROM submission WHERE seq = ?""")
        .param(seq)
        .query((rs, n) -> new SubmissionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getBytes(8)))
        .single();
  }
}
