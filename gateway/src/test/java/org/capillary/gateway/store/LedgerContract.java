package org.capillary.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.capillary.gateway.error.ProblemException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link JdbcLedger} on a real database. */
interface LedgerContract extends StoreContract {

  @Test
  default void appendsGetStrictlyIncreasingSequenceNumbersAndFreshIds() {
    Stores s = stores();
    long previous = 0;
    String previousId = "";
    for (int i = 0; i < 3; i++) {
      StoredSubmission stored = s.ledger.append(
          Stores.submission("c1", Stores.unique("k"), "op", Stores.utf8("{\"i\":" + i + "}")),
          Stores::receipt).block(TIMEOUT);
      assertThat(stored.seq()).isGreaterThan(previous);
      assertThat(stored.submissionId()).matches(SubmissionIds.FORMAT).isNotEqualTo(previousId);
      assertThat(stored.replayed()).isFalse();
      previous = stored.seq();
      previousId = stored.submissionId();
    }
  }

  @Test
  default void storesEveryFieldAndTheBodyBytesVerbatim() {
    Stores s = stores();
    // not UTF-8: a lone continuation byte, an invalid lead byte, NUL, and a BOM
    byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', 0, (byte) 0x80, (byte) 0xFF,
        (byte) 0xC3, '(', '}', '\r', '\n'};
    String key = Stores.unique("k");
    NewSubmission sub = new NewSubmission("c-verbatim", "submitInspection", "POST",
        "/v1/projects/FT-XS-20260310-0457/inspections?dryRun=false", "FT-XS-20260310-0457",
        "application/json; charset=utf-8", body, "eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0..AbC-_",
        Stores.digest(body), key, "jti-" + key, List.of());
    StoredSubmission appended = s.ledger.append(sub, Stores::receipt).block(TIMEOUT);

    StoredSubmission found = s.ledger.find(appended.submissionId()).block(TIMEOUT).orElseThrow();
    assertThat(found.body()).isEqualTo(body);
    assertThat(found).usingRecursiveComparison().isEqualTo(appended);
    assertThat(found.path()).isEqualTo(sub.path());
    assertThat(found.signature()).isEqualTo(sub.signature());
    assertThat(found.contentType()).isEqualTo(sub.contentType());
    assertThat(found.jti()).isEqualTo(sub.jti());
    assertThat(found.projectId()).isEqualTo("FT-XS-20260310-0457");
    assertThat(found.status()).isEqualTo("ACCEPTED");
    assertThat(found.receivedAt()).isEqualTo(Instant.parse("2026-03-10T02:15:00.123Z"));
    assertThat(s.ledger.findByIdempotencyKey("c-verbatim", key).block(TIMEOUT).orElseThrow())
        .usingRecursiveComparison().isEqualTo(appended);
  }

  @Test
  default void answersWithTheSubmissionReceiptDocument() {
    Stores s = stores();
    AtomicReference<ReceiptRequest> asked = new AtomicReference<>();
    String key = Stores.unique("k");
    NewSubmission sub = Stores.submission("c1", key, "registerDevice", Stores.utf8("{}"));
    StoredSubmission stored = s.ledger.append(sub, r -> {
      asked.set(r);
      return Stores.receipt(r);
    }).block(TIMEOUT);

    assertThat(asked.get()).isEqualTo(new ReceiptRequest(stored.submissionId(), stored.seq(), "c1",
        "registerDevice", null, sub.contentDigest(), stored.receivedAt(), sub.jti(), key));
    JsonNode json = JsonMapper.shared().readTree(stored.responseBody());
    assertThat(json.propertyNames()).containsExactly("submissionId", "status", "connectorId",
        "operationId", "projectId", "contentDigest", "sequence", "receivedAt", "receipt");
    assertThat(json.get("submissionId").stringValue()).isEqualTo(stored.submissionId());
    assertThat(json.get("status").stringValue()).isEqualTo("ACCEPTED");
    assertThat(json.get("projectId").isNull()).isTrue();
    assertThat(json.get("sequence").longValue()).isEqualTo(stored.seq());
    assertThat(json.get("receivedAt").stringValue()).isEqualTo("2026-03-10T02:15:00.123Z");
    assertThat(json.get("receipt").stringValue()).isEqualTo(stored.receipt())
        .matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$");
    // the same bytes when read back from the ledger
    assertThat(s.ledger.find(stored.submissionId()).block(TIMEOUT).orElseThrow().responseBody())
        .isEqualTo(stored.responseBody());
  }

  @Test
  default void writesOneOutboxRowPerSubmission() {
    Stores s = stores();
    StoredSubmission stored = s.ledger.append(
        Stores.submission("c1", Stores.unique("k"), "op", Stores.utf8("{}")), Stores::receipt)
        .block(TIMEOUT);
    assertThat(s.count("SELECT count(*) FROM outbox WHERE submission_seq = ? AND topic = ?"
        + " AND processed_at IS NULL AND attempts = 0", stored.seq(),
        JdbcLedger.TOPIC_SUBMISSION_ACCEPTED)).isEqualTo(1);
  }

  @Test
  default void aFailingReceiptIssuerLeavesNothingBehind() {
    Stores s = stores();
    String key = Stores.unique("k");
    NewSubmission sub = Stores.submission("c1", key, "op", Stores.utf8("{}"));
    s.idempotency.begin("c1", key, sub.contentDigest(), "op").block(TIMEOUT);
    long outboxBefore = s.count("SELECT count(*) FROM outbox");

    assertThatThrownBy(() -> s.ledger.append(sub, r -> {
      throw new IllegalStateException("signing key unavailable");
    }).block(TIMEOUT)).hasMessageContaining("signing key unavailable");

    assertThat(s.ledger.findByIdempotencyKey("c1", key).block(TIMEOUT)).isEmpty();
    assertThat(s.count("SELECT count(*) FROM submission WHERE idempotency_key = ?", key)).isZero();
    assertThat(s.count("SELECT count(*) FROM outbox")).isEqualTo(outboxBefore);
    assertThat(s.count("SELECT count(*) FROM idempotency_record"
        + " WHERE idem_key = ? AND state = 'IN_FLIGHT' AND response_body IS NULL", key))
        .isEqualTo(1);
    // the caller releases the key, and a retry goes through
    s.idempotency.release("c1", key).block(TIMEOUT);
    assertThat(s.idempotency.begin("c1", key, sub.contentDigest(), "op").block(TIMEOUT))
        .isEqualTo(new IdempotencyDecision.Proceed(false));
    assertThat(s.ledger.append(sub, Stores::receipt).block(TIMEOUT).replayed()).isFalse();
  }

  @Test
  default void aRefusingEffectRollsTheAppendBack() {
    Stores s = stores();
    String key = Stores.unique("k");
    SubmissionEffect writesThenRefuses = (tx, ctx) -> {
      tx.sql("INSERT INTO project_coverage (project_id, insurer_connector_id, policy_id,"
              + " submission_seq, created_at, updated_at) VALUES (?, 'c1', 'p', ?, ?, ?)")
          .params(key, ctx.seq(), StoreCalls.utc(ctx.receivedAt()), StoreCalls.utc(ctx.receivedAt()))
          .update();
      throw new ProblemException("UNKNOWN_PROJECT", "no such project");
    };
    assertThat(StoreContract.codeOf(() -> s.ledger.append(
        Stores.submission("c1", key, "op", Stores.utf8("{}"), writesThenRefuses),
        Stores::receipt).block(TIMEOUT))).isEqualTo("UNKNOWN_PROJECT");
    assertThat(s.count("SELECT count(*) FROM submission WHERE idempotency_key = ?", key)).isZero();
    assertThat(s.count("SELECT count(*) FROM project_coverage WHERE project_id = ?", key)).isZero();
  }

  @Test
  default void theLedgerHoldsOneSubmissionPerKeyEvenWithoutIdempotencyRecords() {
    Stores s = stores();
    String key = Stores.unique("k");
    NewSubmission sub = Stores.submission("c1", key, "op", Stores.utf8("{\"a\":1}"));
    StoredSubmission first = s.ledger.append(sub, Stores::receipt).block(TIMEOUT);
    // e.g. the record was purged after its retention period
    s.jdbc.sql("DELETE FROM idempotency_record WHERE idem_key = ?").param(key).update();

    StoredSubmission again = s.ledger.append(sub, Stores::receipt).block(TIMEOUT);
    assertThat(again.replayed()).isTrue();
    assertThat(again.seq()).isEqualTo(first.seq());
    assertThat(again.responseBody()).isEqualTo(first.responseBody());
    // and the record is back, so the next retry is answered without reaching the ledger
    assertThat(s.idempotency.begin("c1", key, sub.contentDigest(), "op").block(TIMEOUT))
        .isInstanceOf(IdempotencyDecision.Replay.class);

    NewSubmission other = Stores.submission("c1", key, "op", Stores.utf8("{\"a\":2}"));
    assertThat(StoreContract.codeOf(() -> s.ledger.append(other, Stores::receipt).block(TIMEOUT)))
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(s.count("SELECT count(*) FROM submission WHERE idempotency_key = ?", key))
        .isEqualTo(1);
  }

  @Test
  default void concurrentAppendsWithOneKeyStoreOneSubmission() throws Exception {
    Stores s = stores();
    String key = Stores.unique("k");
    NewSubmission sub = Stores.submission("c1", key, "op", Stores.utf8("{}"));
    List<Object> results = StoreContract.concurrently(10,
        () -> s.ledger.append(sub, Stores::receipt).block(TIMEOUT));
    assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(StoredSubmission.class));
    assertThat(results).filteredOn(r -> !((StoredSubmission) r).replayed()).hasSize(1);
    assertThat(results).extracting(r -> ((StoredSubmission) r).seq()).containsOnly(
        ((StoredSubmission) results.get(0)).seq());
    assertThat(s.count("SELECT count(*) FROM submission WHERE idempotency_key = ?", key))
        .isEqualTo(1);
  }

  @Test
  default void findsNothingForUnknownIds() {
    Stores s = stores();
    assertThat(s.ledger.find("sub_00000000000000000000000000").block(TIMEOUT)).isEmpty();
    assertThat(s.ledger.findByIdempotencyKey("c1", Stores.unique("k")).block(TIMEOUT)).isEmpty();
  }

  @Test
  default void blockingWorkRunsOnTheStoreScheduler() {
    Stores s = stores();
    AtomicReference<String> thread = new AtomicReference<>();
    s.ledger.append(Stores.submission("c1", Stores.unique("k"), "op", Stores.utf8("{}")), r -> {
      thread.set(Thread.currentThread().getName());
      return Stores.receipt(r);
    }).block(Duration.ofSeconds(10));
    assertThat(thread.get()).startsWith("capillary-store");
  }
}
