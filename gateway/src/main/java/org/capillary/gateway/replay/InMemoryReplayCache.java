package org.capillary.gateway.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The embedded default: jtis in a map, in process, each until its expiry by the injected clock.
 * Not shared between processes; use the production profile ({@link RedisReplayCache}) for several
 * replicas.
 *
 * <p>Bounded by {@link ReplayProperties#maxEntries()}: when full of unexpired ids, it refuses
 * (fails closed, {@link ReplayCacheFullException}) rather than forgetting an id early. Expired ids
 * are removed as later calls go by, from a queue in insertion order, which is expiry order when
 * every id is kept for the same window: amortised constant time, no background thread. Ids with a
 * shorter window behind longer ones are removed late, but an expired id counts as unseen at once.
 */
@Component
@Profile("!production")
public final class InMemoryReplayCache implements ReplayCache {

  /** How many expired ids one call removes at most, so no single request pays for a long idle. */
  private static final int SWEEP_PER_CALL = 64;

  private record Key(String connectorId, String jti) {}

  private record Expiry(Key key, Instant at) {}

  private final Clock clock;
  private final int maxEntries;
  private final ConcurrentMap<Key, Instant> entries = new ConcurrentHashMap<>();
  private final Queue<Expiry> expiries = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  /** One sweeper at a time, so what it peeks at the head is what it polls. */
  private final ReentrantLock sweeping = new ReentrantLock();

  /**
   * @param properties the bound ({@link ReplayProperties#maxEntries()})
   * @param clock the time source of expiry
   */
  public InMemoryReplayCache(ReplayProperties properties, Clock clock) {
    this.clock = clock;
    this.maxEntries = properties.maxEntries();
  }

  @Override
  public Mono<Boolean> markSeen(String connectorId, String jti, Duration ttl) {
    return Mono.fromCallable(() -> mark(new Key(connectorId, jti), ttl));
  }

  /** Ids currently held, expired ones not yet removed included. */
  int size() {
    return size.get();
  }

  private boolean mark(Key key, Duration ttl) {
    Instant now = clock.instant();
    if (sweeping.tryLock()) { // a busy sweeper is not waited for, except when the cache is full
      try {
        sweep(now, SWEEP_PER_CALL);
      } finally {
        sweeping.unlock();
      }
    }
    if (size.get() >= maxEntries) {
      sweeping.lock();
      try {
        sweep(now, Integer.MAX_VALUE);
      } finally {
        sweeping.unlock();
      }
    }
    Instant expiry = now.plus(ttl);
    boolean[] first = {false};
    entries.compute(key, (k, existing) -> {
      if (existing != null && existing.isAfter(now)) {
        return existing;
      }
      if (existing == null && size.incrementAndGet() > maxEntries) {
        size.decrementAndGet();
        throw new ReplayCacheFullException(maxEntries);
      }
      first[0] = true;
      return expiry;
    });
    if (first[0]) {
      expiries.add(new Expiry(key, expiry));
    }
    return first[0];
  }

  /** Removes up to limit expired ids from the head of the queue; the caller holds the sweep lock. */
  private void sweep(Instant now, int limit) {
    for (int i = 0; i < limit; i++) {
      Expiry head = expiries.peek();
      if (head == null || head.at().isAfter(now)) {
        return;
      }
      expiries.poll(); // the head just peeked: only the lock holder takes from the queue
      if (entries.remove(head.key(), head.at())) {
        size.decrementAndGet();
      }
    }
  }
}
