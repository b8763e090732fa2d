package org.capillary.gateway.store;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.capillary.gateway.error.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@link Ledger} on the {@code submission} and {@code outbox} tables (PostgreSQL or H2 in
 * PostgreSQL mode), through the application's DataSource and transaction manager.
 */
public final class JdbcLedger implements Ledger {

  /** The outbox topic of every accepted submission; consumers read the operation from the row. */
  public static final String TOPIC_SUBMISSION_ACCEPTED = "submission.accepted";

  private static final String COLUMNS = """
      seq, submission_id, connector_id, operation_id, method, path, project_id, content_type, body,
      signature, content_digest, idempotency_key, jti, received_at, receipt, status, processed_at,
      status_detail""";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Scheduler scheduler;
  private final Clock clock;
  private final Duration retention;
  private final SubmissionIds ids;

  /**
   * @param dataSource the gateway's DataSource
   * @param transactionManager the transaction manager of that DataSource
   * @param scheduler the bounded scheduler for blocking calls
   * @param clock the time source (receivedAt, submission ids)
   * @param properties the idempotency retention (for a record the append has to create)
   */
  public JdbcLedger(
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      Scheduler scheduler,
      Clock clock,
      StoreProperties properties) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(transactionManager);
    this.scheduler = scheduler;
    this.clock = clock;
    this.retention = properties.idempotencyRetention();
    this.ids = new SubmissionIds(clock, new SecureRandom());
  }

  @Override
  public Mono<StoredSubmission> append(NewSubmission submission, ReceiptIssuer issuer) {
    return StoreCalls.call(scheduler, () -> {
      try {
        return transactions.execute(status -> appendInTransaction(submission, issuer));
      } catch (DuplicateKeyException e) {
        // Another request with this key was appended first (the only unique key a fresh ULID
        // can hit in practice); the transaction is rolled back, so look in a new one. A
        // duplicate raised by an effect finds no such submission and propagates as it is.
        StoredSubmission existing = selectByKey(
            submission.connectorId(), submission.idempotencyKey()).orElseThrow(() -> e);
        return alreadyStored(submission, existing);
      }
    });
  }

  @Override
  public Mono<Optional<StoredSubmission>> find(String submissionId) {
    return StoreCalls.call(scheduler, () -> jdbc
        .sql("SELECT " + COLUMNS + " FROM submission WHERE submission_id = ?")
        .param(submissionId)
        .query(JdbcLedger::map)
        .optional());
  }

  @Override
  public Mono<Optional<StoredSubmission>> findByIdempotencyKey(
      String connectorId, String idempotencyKey) {
    return StoreCalls.call(scheduler, () -> selectByKey(connectorId, idempotencyKey));
  }

  private StoredSubmission appendInTransaction(NewSubmission s, ReceiptIssuer issuer) {
    long seq = jdbc.sql("SELECT nextval('ledger_seq')").query(Long.class).single();
    String submissionId = ids.next();
    // Millisecond precision: what the receipt and the 201 body say is exactly what is stored.
    Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String receipt = issuer.issue(new ReceiptRequest(submissionId, seq, s.connectorId(),
        s.operationId(), s.projectId(), s.contentDigest(), receivedAt, s.jti(), s.idempotencyKey()));
    if (receipt == null || receipt.isBlank()) {
      throw new IllegalStateException("the receipt issuer returned no receipt");
    }
    byte[] response = SubmissionReceiptBody.write(submissionId, s.connectorId(), s.operationId(),
        s.projectId(), s.contentDigest(), seq, receivedAt, receipt);
    OffsetDateTime at = StoreCalls.utc(receivedAt);

    jdbc.sql("INSERT INTO submission (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)")
        .params(seq, submissionId, s.connectorId(), s.operationId(), s.method(), s.path(),
            new SqlParameterValue(Types.VARCHAR, s.projectId()), s.contentType(), s.body(),
            s.signature(), s.contentDigest(), s.idempotencyKey(), s.jti(), at, receipt,
            StoredSubmission.ACCEPTED)
        .update();
    jdbc.sql("""
            INSERT INTO outbox (id, submission_seq, topic, created_at, processed_at, attempts)
            VALUES (nextval('outbox_seq'), ?, ?, ?, NULL, 0)""")
        .params(seq, TOPIC_SUBMISSION_ACCEPTED, at)
        .update();

    EffectContext ctx = new EffectContext(seq, submissionId, s.connectorId(), s.operationId(),
        s.projectId(), receivedAt, s.body(), s.path(), s.json());
    for (SubmissionEffect effect : s.effects()) {
      effect.apply(jdbc, ctx);
    }

    complete(s, at, response);
    return new StoredSubmission(seq, submissionId, s.connectorId(), s.operationId(), s.method(),
        s.path(), s.projectId(), s.contentType(), s.body(), s.signature(), s.contentDigest(),
        s.idempotencyKey(), s.jti(), receivedAt, receipt, StoredSubmission.ACCEPTED, null, null,
        response, false);
  }

  /** Marks the key COMPLETED with the 201 body; creates the record if begin() was bypassed. */
  private void complete(NewSubmission s, OffsetDateTime at, byte[] response) {
    int updated = jdbc.sql("""
            UPDATE idempotency_record
            SET state = ?, response_status = 201, response_body = ?
            WHERE connector_id = ? AND idem_key = ?""")
        .params(JdbcIdempotencyStore.COMPLETED, response, s.connectorId(), s.idempotencyKey())
        .update();
    if (updated == 0) {
      jdbc.sql("""
              INSERT INTO idempotency_record (connector_id, idem_key, body_digest, operation_id,
                  state, locked_until, response_status, response_body, created_at, expires_at)
              VALUES (?, ?, ?, ?, ?, ?, 201, ?, ?, ?)
              ON CONFLICT DO NOTHING""")
          .params(s.connectorId(), s.idempotencyKey(), s.contentDigest(), s.operationId(),
              JdbcIdempotencyStore.COMPLETED, at, response, at,
              StoreCalls.utc(at.toInstant().plus(retention)))
          .update();
    }
  }

  private StoredSubmission alreadyStored(NewSubmission s, StoredSubmission existing) {
    if (!existing.contentDigest().equals(s.contentDigest())
        || !existing.operationId().equals(s.operationId())) {
      throw new ProblemException("IDEMPOTENCY_KEY_REUSED",
          "this Idempotency-Key was first used with another request body or operation");
    }
    // Let later retries replay from the record instead of reaching the ledger again.
    transactions.executeWithoutResult(status -> complete(s,
        StoreCalls.utc(clock.instant()), existing.responseBody()));
    return existing.asReplayed();
  }

  private Optional<StoredSubmission> selectByKey(String connectorId, String idempotencyKey) {
    return jdbc
        .sql("SELECT " + COLUMNS + " FROM submission WHERE connector_id = ? AND idempotency_key = ?")
        .params(connectorId, idempotencyKey)
        .query(JdbcLedger::map)
        .optional();
  }

  private static StoredSubmission map(ResultSet rs, int row) throws SQLException {
    long seq = rs.getLong("seq");
    String submissionId = rs.getString("submission_id");
    String connectorId = rs.getString("connector_id");
    String operationId = rs.getString("operation_id");
    String projectId = rs.getString("project_id");
    String contentDigest = rs.getString("content_digest");
    Instant receivedAt = rs.getObject("received_at", OffsetDateTime.class).toInstant();
    String receipt = rs.getString("receipt");
    OffsetDateTime processedAt = rs.getObject("processed_at", OffsetDateTime.class);
    return new StoredSubmission(seq, submissionId, connectorId, operationId,
        rs.getString("method"), rs.getString("path"), projectId, rs.getString("content_type"),
        Objects.requireNonNull(rs.getBytes("body")), rs.getString("signature"), contentDigest,
        rs.getString("idempotency_key"), rs.getString("jti"), receivedAt, receipt,
        rs.getString("status"), processedAt == null ? null : processedAt.toInstant(),
        rs.getString("status_detail"),
        SubmissionReceiptBody.write(submissionId, connectorId, operationId, projectId,
            contentDigest, seq, receivedAt, receipt),
        false);
  }
}
