package org.capillary.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.capillary.gateway.error.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Latches are awaited with a bound only so that a broken call fails instead of hanging. */
class MediaCallsTest {

  private static final long BOUND = 30;

  @Test
  void cancellingNeverInterruptsTheCallInProgress() throws Exception {
    // A camera dropping its connection mid-chunk cancels the subscription while the chunk's
    // transaction runs; an interrupt there would close the embedded database.
    Scheduler scheduler = Schedulers.newBoundedElastic(1, 10, "capillary-media-cancel");
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    try {
      Disposable subscription = MediaCalls.call(scheduler, () -> {
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
      assertThat(started.await(BOUND, TimeUnit.SECONDS)).isTrue();
      subscription.dispose();
      release.countDown();
      assertThat(finished.await(BOUND, TimeUnit.SECONDS)).isTrue();
      assertThat(interrupted).isFalse();
    } finally {
      release.countDown();
      scheduler.dispose();
    }
  }

  @Test
  void aChunkLockedByAnotherRequestIsAConflictToRetry() {
    assertThat(MediaCalls.translate(new CannotAcquireLockException("lock timeout")))
        .isInstanceOfSatisfying(ProblemException.class, p -> {
          assertThat(p.code()).isEqualTo("CONFLICT");
          assertThat(p.headers()).containsEntry("Retry-After", "1");
        });
  }

  @Test
  void outagesAndAStarvedPoolAreServiceUnavailableWithRetryAfter() {
    for (Throwable outage : new Throwable[] {
        new CannotGetJdbcConnectionException("pool exhausted"),
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms"),
        new RejectedExecutionException("queue full"),
        new IOException("disk full")}) {
      assertThat(MediaCalls.translate(outage)).isInstanceOfSatisfying(ProblemException.class, p -> {
        assertThat(p.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(p.headers()).containsEntry("Retry-After", "1");
      });
    }
  }

  @Test
  void problemsAndBugsPassThrough() {
    ProblemException problem = new ProblemException("UPLOAD_EXPIRED", "x");
    assertThat(MediaCalls.translate(problem)).isSameAs(problem);
    DataIntegrityViolationException bug = new DataIntegrityViolationException("check failed");
    assertThat(MediaCalls.translate(bug)).isSameAs(bug);
  }
}
