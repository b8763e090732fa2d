package org.capillary.gateway.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import reactor.core.scheduler.Scheduler;

/** The store's components over one test database, with a clock of their own. */
final class Stores {

  static final Instant START = Instant.parse("2026-03-10T02:15:00.123456Z");

  final TestClock clock = new TestClock(START);
  final StoreProperties properties = StoreProperties.defaults();
  final JdbcClient jdbc;
  final JdbcIdempotencyStore idempotency;
  final JdbcLedger ledger;
  final JdbcAuthorizationStore authorization;

  Stores(TestDatabase db, Scheduler scheduler) {
    this.jdbc = JdbcClient.create(db.dataSource());
    this.idempotency = new JdbcIdempotencyStore(db.dataSource(), scheduler, clock, properties);
    this.ledger = new JdbcLedger(db.dataSource(), new DataSourceTransactionManager(db.dataSource()),
        scheduler, clock, properties);
    this.authorization = new JdbcAuthorizationStore(db.dataSource(), scheduler);
  }

  /** A name no other test uses, so tests share one database without seeing each other. */
  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
  }

  static String digest(byte[] body) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
      return "sha-256=:" + Base64.getEncoder().encodeToString(d) + ":";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static NewSubmission submission(
      String connectorId, String key, String operationId, byte[] body, SubmissionEffect... effects) {
    return new NewSubmission(connectorId, operationId, "POST", "/v1/test?x=1", null,
        "application/json", body, "eyJhbGciOiJFUzI1NiJ9..c2ln", digest(body), key,
        unique("jti"), List.of(effects));
  }

  /** A receipt issuer that returns a well-formed (unsigned) compact JWS naming the submission. */
  static String receipt(ReceiptRequest r) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(utf8("{\"alg\":\"ES256\"}")) + "."
        + b64.encodeToString(utf8(r.submissionId() + "|" + r.seq())) + ".c2lnbmF0dXJl";
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
