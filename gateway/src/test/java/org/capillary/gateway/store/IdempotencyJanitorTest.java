package org.capillary.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

class IdempotencyJanitorTest {

  /** Counts purges; every second one fails, as a database outage would. */
  private static final class FlakyStore implements IdempotencyStore {
    final AtomicInteger purges = new AtomicInteger();

    @Override
    public Mono<IdempotencyDecision> begin(String c, String k, String d, String o) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Mono<Void> release(String c, String k) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Mono<Integer> purgeExpired() {
      return Mono.defer(() -> purges.incrementAndGet() % 2 == 0
          ? Mono.error(new IllegalStateException("database down"))
          : Mono.just(3));
    }
  }

  @Test
  void purgesEveryIntervalAndSurvivesFailedRuns() {
    VirtualTimeScheduler time = VirtualTimeScheduler.create();
    FlakyStore store = new FlakyStore();
    IdempotencyJanitor janitor = new IdempotencyJanitor(store, Duration.ofMinutes(10), time);
    janitor.start();
    assertThat(janitor.isRunning()).isTrue();

    time.advanceTimeBy(Duration.ofMinutes(9));
    assertThat(store.purges).hasValue(0);
    time.advanceTimeBy(Duration.ofMinutes(41));
    assertThat(store.purges).hasValue(5);

    janitor.stop();
    assertThat(janitor.isRunning()).isFalse();
    time.advanceTimeBy(Duration.ofHours(1));
    assertThat(store.purges).hasValue(5);
  }

  @Test
  void aZeroIntervalDisablesTheJanitor() {
    VirtualTimeScheduler time = VirtualTimeScheduler.create();
    FlakyStore store = new FlakyStore();
    IdempotencyJanitor janitor = new IdempotencyJanitor(store, Duration.ZERO, time);
    janitor.start();
    time.advanceTimeBy(Duration.ofDays(1));
    assertThat(store.purges).hasValue(0);
    assertThat(janitor.isRunning()).isFalse();
  }
}
