package org.capillary.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.capillary.gateway.error.ProblemException;
import org.junit.jupiter.api.Test;

/** {@link JdbcIdempotencyStore} (and {@link IdempotencyJanitor}'s purge) on a real database. */
interface IdempotencyStoreContract extends StoreContract {

  String DIGEST = "sha-256=:AAAA:";
  String OTHER_DIGEST = "sha-256=:BBBB:";

  @Test
  default void beginProceedsOnANewKey() {
    Stores s = stores();
    IdempotencyDecision d = s.idempotency.begin("c1", Stores.unique("k"), DIGEST, "op")
        .block(TIMEOUT);
    assertThat(d).isEqualTo(new IdempotencyDecision.Proceed(false));
  }

  @Test
  default void keysAreScopedPerConnector() {
    Stores s = stores();
    String key = Stores.unique("k");
    s.idempotency.begin("c1", key, DIGEST, "op").block(TIMEOUT);
    assertThat(s.idempotency.begin("c2", key, OTHER_DIGEST, "op").block(TIMEOUT))
        .isEqualTo(new IdempotencyDecision.Proceed(false));
  }

  @Test
  default void sameKeyWhileInFlightIs409WithRetryAfter() {
    Stores s = stores();
    String key = Stores.unique("k");
    s.idempotency.begin("c1", key, DIGEST, "op").block(TIMEOUT);
    s.clock.advance(Duration.ofSeconds(10));
    assertThatThrownBy(() -> s.idempotency.begin("c1", key, DIGEST, "op").block(TIMEOUT))
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo("IDEMPOTENCY_IN_FLIGHT");
          assertThat(e.headers()).containsEntry("Retry-After", "20");
        });
  }

  @Test
  default void sameKeyWithAnotherDigestIs422InFlightAndCompleted() {
    Stores s = stores();
    String key = Stores.unique("k");
    s.idempotency.begin("c1", key, DIGEST, "op").block(TIMEOUT);
    assertThat(StoreContract.codeOf(
        () -> s.idempotency.begin("c1", key, OTHER_DIGEST, "op").block(TIMEOUT)))
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    // after the lease too: a different body is never a take-over
    s.clock.advance(Duration.ofMinutes(5));
    assertThat(StoreContract.codeOf(
        () -> s.idempotency.begin("c1", key, OTHER_DIGEST, "op").block(TIMEOUT)))
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");

    byte[] body = Stores.utf8("{\"a\":1}");
    String completedKey = Stores.unique("k");
    s.ledger.append(Stores.submission("c1", completedKey, "op", body), Stores::receipt)
        .block(TIMEOUT);
    assertThat(StoreContract.codeOf(
        () -> s.idempotency.begin("c1", completedKey, OTHER_DIGEST, "op").block(TIMEOUT)))
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  default void sameKeyForAnotherOperationIs422() {
    Stores s = stores();
    String key = Stores.unique("k");
    s.idempotency.begin("c1", key, DIGEST, "submitInspection").block(TIMEOUT);
    assertThat(StoreContract.codeOf(
        () -> s.idempotency.begin("c1", key, DIGEST, "submitTraining").block(TIMEOUT)))
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  default void completedKeyWithSameDigestReplaysTheStoredResponse() {
    Stores s = stores();
    String key = Stores.unique("k");
    byte[] body = Stores.utf8("{\"a\":1}");
    NewSubmission sub = Stores.submission("c1", key, "op", body);
    assertThat(s.idempotency.begin("c1", key, sub.contentDigest(), "op").block(TIMEOUT))
        .isInstanceOf(IdempotencyDecision.Proceed.class);
    StoredSubmission stored = s.ledger.append(sub, Stores::receipt).block(TIMEOUT);

    IdempotencyDecision again = s.idempotency.begin("c1", key, sub.contentDigest(), "op")
        .block(TIMEOUT);
    assertThat(again).isInstanceOfSatisfying(IdempotencyDecision.Replay.class, r -> {
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.body()).isEqualTo(stored.responseBody());
    });
  }

  @Test
  default void expiredLeaseIsTakenOverOnce() {
    Stores s = stores();
    String key = Stores.unique("k");
    s.idempotency.begin("c1", key, DIGEST, "op").block(TIMEOUT);
    s.clock.advance(s.properties.idempotencyLease().plusMillis(1));
    assertThat(s.idempotency.begin("c1", key, DIGEST, "op").block(TIMEOUT))
        .isEqualTo(new IdempotencyDecision.Proceed(true));
    // the new holder has a fresh lease
    assertThat(StoreContract.codeOf(() -> s.idempotency.begin("c1", key, DIGEST, "op")
        .block(TIMEOUT))).isEqualTo("IDEMPOTENCY_IN_FLIGHT");
  }

  @Test
  default void leaseIsHeldUpToItsLastInstant() {
    Stores s = stores();
    String key = Stores.unique("k");
    s.idempotency.begin("c1", key, DIGEST, "op").block(TIMEOUT);
    s.clock.advance(s.properties.idempotencyLease().minusMillis(1));
    assertThat(StoreContract.codeOf(() -> s.idempotency.begin("c1", key, DIGEST, "op")
        .block(TIMEOUT))).isEqualTo("IDEMPOTENCY_IN_FLIGHT");
  }

  @Test
  default void releaseFreesAnInFlightKeyForAnotherBody() {
    Stores s = stores();
    String key = Stores.unique("k");
    s.idempotency.begin("c1", key, DIGEST, "op").block(TIMEOUT);
    s.idempotency.release("c1", key).block(TIMEOUT);
    s.idempotency.release("c1", key).block(TIMEOUT);
    assertThat(s.idempotency.begin("c1", key, OTHER_DIGEST, "op").block(TIMEOUT))
        .isEqualTo(new IdempotencyDecision.Proceed(false));
  }

  @Test
  default void releaseNeverDeletesACompletedKey() {
    Stores s = stores();
    String key = Stores.unique("k");
    NewSubmission sub = Stores.submission("c1", key, "op", Stores.utf8("{}"));
    s.idempotency.begin("c1", key, sub.contentDigest(), "op").block(TIMEOUT);
    s.ledger.append(sub, Stores::receipt).block(TIMEOUT);
    s.idempotency.release("c1", key).block(TIMEOUT);
    assertThat(s.idempotency.begin("c1", key, sub.contentDigest(), "op").block(TIMEOUT))
        .isInstanceOf(IdempotencyDecision.Replay.class);
  }

  @Test
  default void twentyConcurrentBeginsOfOneKeyLetExactlyOneProceed() throws Exception {
    Stores s = stores();
    String key = Stores.unique("k");
    List<Object> results = StoreContract.concurrently(20,
        () -> s.idempotency.begin("c1", key, DIGEST, "op").block(TIMEOUT));
    assertThat(results).filteredOn(IdempotencyDecision.Proceed.class::isInstance).hasSize(1);
    assertThat(results).filteredOn(r -> !(r instanceof IdempotencyDecision.Proceed))
        .hasSize(19)
        .allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(ProblemException.class,
            e -> assertThat(e.code()).isEqualTo("IDEMPOTENCY_IN_FLIGHT")));
  }

  @Test
  default void twentyConcurrentTakeOversOfOneExpiredLeaseLetExactlyOneProceed() throws Exception {
    Stores s = stores();
    String key = Stores.unique("k");
    s.idempotency.begin("c1", key, DIGEST, "op").block(TIMEOUT);
    s.clock.advance(Duration.ofMinutes(1));
    List<Object> results = StoreContract.concurrently(20,
        () -> s.idempotency.begin("c1", key, DIGEST, "op").block(TIMEOUT));
    assertThat(results).filteredOn(new IdempotencyDecision.Proceed(true)::equals).hasSize(1);
    assertThat(results).filteredOn(ProblemException.class::isInstance).hasSize(19);
  }

  @Test
  default void purgeDeletesOnlyExpiredRecords() {
    Stores s = stores();
    String old = Stores.unique("k");
    String completedOld = Stores.unique("k");
    s.idempotency.begin("c1", old, DIGEST, "op").block(TIMEOUT);
    s.ledger.append(Stores.submission("c1", completedOld, "op", Stores.utf8("{}")),
        Stores::receipt).block(TIMEOUT);
    s.clock.advance(Duration.ofHours(12));
    String young = Stores.unique("k");
    s.idempotency.begin("c1", young, DIGEST, "op").block(TIMEOUT);

    s.clock.advance(Duration.ofHours(12).minusMillis(1));
    s.idempotency.purgeExpired().block(TIMEOUT);
    assertThat(s.count("SELECT count(*) FROM idempotency_record WHERE idem_key IN (?, ?, ?)",
        old, completedOld, young)).isEqualTo(3);

    s.clock.advance(Duration.ofMillis(1));
    assertThat(s.idempotency.purgeExpired().block(TIMEOUT)).isGreaterThanOrEqualTo(2);
    assertThat(s.count("SELECT count(*) FROM idempotency_record WHERE idem_key IN (?, ?)",
        old, completedOld)).isZero();
    assertThat(s.count("SELECT count(*) FROM idempotency_record WHERE idem_key = ?", young))
        .isEqualTo(1);
  }

  @Test
  default void janitorRunPurgesExpiredRecords() {
    Stores s = stores();
    String key = Stores.unique("k");
    s.idempotency.begin("c1", key, DIGEST, "op").block(TIMEOUT);
    s.clock.advance(Duration.ofHours(25));
    IdempotencyJanitor janitor = new IdempotencyJanitor(
        s.idempotency, Duration.ofMinutes(10), reactor.core.scheduler.Schedulers.parallel());
    assertThat(janitor.purgeOnce().block(TIMEOUT)).isGreaterThanOrEqualTo(1);
    assertThat(s.count("SELECT count(*) FROM idempotency_record WHERE idem_key = ?", key)).isZero();
  }
}
