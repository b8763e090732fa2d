package org.capillary.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import org.capillary.gateway.error.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

class StoreCallsTest {

  @Test
  void storeOutagesBecomeServiceUnavailableWithRetryAfter() {
    for (Throwable outage : new Throwable[] {
        new CannotGetJdbcConnectionException("pool exhausted"),
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms"),
        new CannotAcquireLockException("lock timeout"),
        new RejectedExecutionException("queue full")}) {
      assertThat(StoreCalls.translate(outage)).isInstanceOfSatisfying(ProblemException.class, p -> {
        assertThat(p.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(p.headers()).containsEntry("Retry-After", "1");
      });
    }
  }

  @Test
  void problemsAndBugsPassThrough() {
    ProblemException problem = new ProblemException("CONFLICT", "x");
    assertThat(StoreCalls.translate(problem)).isSameAs(problem);
    DataIntegrityViolationException bug = new DataIntegrityViolationException("check failed");
    assertThat(StoreCalls.translate(bug)).isSameAs(bug);
  }

  @Test
  void aFullStoreQueueRefusesWithServiceUnavailable() throws Exception {
    Scheduler tiny = Schedulers.newBoundedElastic(1, 1, "capillary-store-tiny");
    CountDownLatch release = new CountDownLatch(1);
    try {
      Mono<Integer> blocker = StoreCalls.call(tiny, () -> {
        release.await();
        return 0;
      });
      blocker.subscribe();
      List<Throwable> errors = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 5; i++) {
        StoreCalls.call(tiny, () -> 1).subscribe(v -> { }, errors::add);
      }
      // one call runs, at most a few wait; the rest are refused at once rather than queued
      assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e)
          .isInstanceOfSatisfying(ProblemException.class,
              p -> assertThat(p.code()).isEqualTo("SERVICE_UNAVAILABLE")));
    } finally {
      release.countDown();
      tiny.dispose();
    }
  }

  @Test
  void cancellingNeverInterruptsTheCallInProgress() throws Exception {
    Scheduler scheduler = Schedulers.newBoundedElastic(1, 10, "capillary-store-cancel");
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    try {
      reactor.core.Disposable subscription = StoreCalls.call(scheduler, () -> {
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          interrupted.set(true);
        }
        interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
        finished.countDown();
        return 1;
      }).subscribe();
      assertThat(started.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      subscription.dispose();
      release.countDown();
      assertThat(finished.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(interrupted).isFalse();
    } finally {
      release.countDown();
      scheduler.dispose();
    }
  }
}
