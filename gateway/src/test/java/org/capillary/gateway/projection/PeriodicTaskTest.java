package org.capillary.gateway.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The schedule of the projection worker, the obligation clock and the event deliverer. The
 * interval is an hour in every test, so any round that runs was asked for by {@code wakeUp()}.
 * Latches are awaited with a generous bound only so that a broken task fails instead of hanging.
 */
class PeriodicTaskTest {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final long BOUND = 30;

  @Test
  void wakeUpRunsARoundWithoutWaitingForTheInterval() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    PeriodicTask task = new PeriodicTask("test-wake", HOUR, true, ran::countDown);
    task.start();
    try {
      task.wakeUp();
      assertThat(ran.await(BOUND, TimeUnit.SECONDS)).isTrue();
    } finally {
      task.stop();
    }
  }

  @Test
  void wakeUpsDuringARoundAreMergedIntoOneMoreRoundAndRoundsNeverOverlap() throws Exception {
    CountDownLatch inFirstRound = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicInteger rounds = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    AtomicBoolean overlapped = new AtomicBoolean();
    CountDownLatch secondDone = new CountDownLatch(1);
    PeriodicTask task = new PeriodicTask("test-merge", HOUR, true, () -> {
      if (running.incrementAndGet() > 1) {
        overlapped.set(true);
      }
      int n = rounds.incrementAndGet();
      if (n == 1) {
        inFirstRound.countDown();
        await(releaseFirst);
      } else {
        secondDone.countDown();
      }
      running.decrementAndGet();
    });
    task.start();
    try {
      task.wakeUp();
      assertThat(inFirstRound.await(BOUND, TimeUnit.SECONDS)).isTrue();
      task.wakeUp();
      task.wakeUp();
      task.wakeUp();
      releaseFirst.countDown();
      assertThat(secondDone.await(BOUND, TimeUnit.SECONDS)).isTrue();
    } finally {
      task.stop();
    }
    assertThat(rounds.get()).isEqualTo(2);
    assertThat(overlapped.get()).isFalse();
  }

  @Test
  void stopLetsARunningRoundFinish() throws Exception {
    CountDownLatch inRound = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicBoolean finished = new AtomicBoolean();
    PeriodicTask task = new PeriodicTask("test-stop", HOUR, true, () -> {
      inRound.countDown();
      try {
        release.await();
        finished.set(true);
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
    }, Duration.ofSeconds(BOUND));
    task.start();
    task.wakeUp();
    assertThat(inRound.await(BOUND, TimeUnit.SECONDS)).isTrue();
    Thread stopper = new Thread(task::stop);
    stopper.start();
    release.countDown();
    stopper.join(TimeUnit.SECONDS.toMillis(BOUND));
    assertThat(stopper.isAlive()).isFalse();
    assertThat(finished.get()).isTrue();
    assertThat(interrupted.get()).isFalse();
    assertThat(task.isRunning()).isFalse();
  }

  @Test
  void aRoundStillRunningAfterTheBoundIsInterrupted() throws Exception {
    CountDownLatch inRound = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    PeriodicTask task = new PeriodicTask("test-bound", HOUR, true, () -> {
      inRound.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
    }, Duration.ZERO);
    task.start();
    task.wakeUp();
    assertThat(inRound.await(BOUND, TimeUnit.SECONDS)).isTrue();
    task.stop();
    assertThat(interrupted.await(BOUND, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aFailingRoundDoesNotStopTheNext() throws Exception {
    CountDownLatch second = new CountDownLatch(1);
    AtomicInteger rounds = new AtomicInteger();
    PeriodicTask task = new PeriodicTask("test-fail", HOUR, true, () -> {
      if (rounds.incrementAndGet() == 1) {
        throw new IllegalStateException("round 1 fails");
      }
      second.countDown();
    });
    task.start();
    try {
      task.wakeUp();
      while (rounds.get() == 0) {
        Thread.onSpinWait();
      }
      task.wakeUp();
      assertThat(second.await(BOUND, TimeUnit.SECONDS)).isTrue();
    } finally {
      task.stop();
    }
  }

  @Test
  void anErrorInAScheduledRoundDoesNotStopTheSchedule() throws Exception {
    // The interval, not wakeUp(), drives this one: an Error escaping a fixed-delay task would
    // cancel its later runs for good (a wakeUp() round runs as a fresh task and would not show it).
    CountDownLatch second = new CountDownLatch(1);
    AtomicInteger rounds = new AtomicInteger();
    PeriodicTask task = new PeriodicTask("test-error", Duration.ofMillis(1), true, () -> {
      if (rounds.incrementAndGet() == 1) {
        throw new NoClassDefFoundError("round 1 fails with an Error");
      }
      second.countDown();
    });
    task.start();
    try {
      assertThat(second.await(BOUND, TimeUnit.SECONDS)).isTrue();
    } finally {
      task.stop();
    }
  }

  @Test
  void aVirtualMachineErrorStillPropagates() {
    PeriodicTask task = new PeriodicTask("test-fatal", HOUR, false, () -> {
      throw new OutOfMemoryError("heap");
    });
    assertThatThrownBy(task::round).isInstanceOf(OutOfMemoryError.class);
  }

  @Test
  void otherThrowablesAreLoggedAndSwallowed() {
    for (Throwable thrown : new Throwable[] {new IllegalStateException("bug"), new AssertionError("check"),
        new NoClassDefFoundError("missing"), new Exception("checked, thrown sneakily")}) {
      PeriodicTask task = new PeriodicTask("test-swallow", HOUR, false, () -> sneakyThrow(thrown));
      assertThatCode(task::round).doesNotThrowAnyException();
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
    throw (E) t;
  }

  @Test
  void aDisabledTaskNeverRuns() {
    AtomicInteger rounds = new AtomicInteger();
    PeriodicTask task = new PeriodicTask("test-off", HOUR, false, rounds::incrementAndGet);
    task.start();
    task.wakeUp();
    task.stop();
    assertThat(task.isRunning()).isFalse();
    assertThat(rounds.get()).isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
