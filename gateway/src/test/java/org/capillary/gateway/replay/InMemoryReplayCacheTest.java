package org.capillary.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.capillary.gateway.ratelimit.MutableClock;
import org.junit.jupiter.api.Test;

class InMemoryReplayCacheTest {

  private static final Duration TTL = Duration.ofHours(24);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

  @Test
  void firstSightIsTrueThenFalse() {
    InMemoryReplayCache cache = cache(10);
    assertThat(cache.markSeen("c1", "jti-1", TTL).block()).isTrue();
    assertThat(cache.markSeen("c1", "jti-1", TTL).block()).isFalse();
    assertThat(cache.markSeen("c1", "jti-2", TTL).block()).isTrue();
  }

  @Test
  void connectorsAreIndependent() {
    InMemoryReplayCache cache = cache(10);
    assertThat(cache.markSeen("c1", "jti-1", TTL).block()).isTrue();
    assertThat(cache.markSeen("c2", "jti-1", TTL).block()).isTrue();
  }

  @Test
  void forgetsWhenTheTtlHasPassed() {
    InMemoryReplayCache cache = cache(10);
    cache.markSeen("c1", "jti-1", TTL).block();

    clock.advance(TTL.minusNanos(1));
    assertThat(cache.markSeen("c1", "jti-1", TTL).block()).as("still within the window").isFalse();
    clock.advance(Duration.ofNanos(1));
    assertThat(cache.markSeen("c1", "jti-1", TTL).block()).as("window over").isTrue();
  }

  @Test
  void anExpiredIdNotYetSweptCountsAsUnseen() {
    InMemoryReplayCache cache = cache(10);
    cache.markSeen("c1", "long", TTL).block(); // heads the expiry queue, so the sweep stops there
    cache.markSeen("c1", "short", Duration.ofMinutes(1)).block();
    clock.advance(Duration.ofMinutes(1));

    assertThat(cache.markSeen("c1", "short", TTL).block()).isTrue();
    assertThat(cache.markSeen("c1", "short", TTL).block()).isFalse();
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void whenFullOfUnexpiredIdsRefusesRatherThanForgets() {
    InMemoryReplayCache cache = cache(2);
    cache.markSeen("c1", "a", TTL).block();
    cache.markSeen("c1", "b", TTL).block();

    assertThatThrownBy(() -> cache.markSeen("c1", "c", TTL).block()).isInstanceOf(ReplayCacheFullException.class);
    assertThat(cache.markSeen("c1", "a", TTL).block()).as("still remembered").isFalse();
  }

  @Test
  void expiredIdsAreRemovedToMakeRoom() {
    InMemoryReplayCache cache = cache(2);
    cache.markSeen("c1", "a", Duration.ofMinutes(1)).block();
    cache.markSeen("c1", "b", Duration.ofMinutes(1)).block();
    clock.advance(Duration.ofMinutes(1));

    assertThat(cache.markSeen("c1", "c", TTL).block()).isTrue();
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void expiredIdsAreSweptAsCallsGoBy() {
    InMemoryReplayCache cache = cache(1_000);
    for (int i = 0; i < 100; i++) {
      cache.markSeen("c1", "old-" + i, Duration.ofMinutes(1)).block();
    }
    clock.advance(Duration.ofMinutes(2));
    cache.markSeen("c1", "new-1", TTL).block();
    cache.markSeen("c1", "new-2", TTL).block();

    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void concurrentCallsSeeEachIdOnceOnly() throws Exception {
    InMemoryReplayCache cache = cache(100_000);
    int threads = 4;
    int ids = 2_000;
    AtomicInteger firsts = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < ids; i++) {
            if (cache.markSeen("c1", "jti-" + i, TTL).block()) {
              firsts.incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(firsts).hasValue(ids);
    assertThat(cache.size()).isEqualTo(ids);
  }

  private InMemoryReplayCache cache(int maxEntries) {
    return new InMemoryReplayCache(new ReplayProperties(Duration.ofMinutes(5), TTL, maxEntries), clock);
  }
}
