package org.capillary.gateway.store;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Purges expired idempotency records every {@link StoreProperties#janitorInterval()}, from the
 * moment the application context starts until it stops. Needs no coordination between replicas:
 * each run is one {@code DELETE ... WHERE expires_at <= now}, which several replicas may run at
 * once without harm. A failed run is logged and the next one tries again.
 */
public final class IdempotencyJanitor implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyJanitor.class);

  private final IdempotencyStore store;
  private final Duration interval;
  private final Scheduler ticks;
  private volatile @Nullable Disposable running;

  /**
   * @param store the records to purge
   * @param interval time between runs; zero disables the janitor
   * @param ticks the scheduler that times the runs (the purge itself runs on the store's)
   */
  public IdempotencyJanitor(IdempotencyStore store, Duration interval, Scheduler ticks) {
    this.store = store;
    this.interval = interval;
    this.ticks = ticks;
  }

  @Override
  public synchronized void start() {
    if (running != null || interval.isZero()) {
      return;
    }
    running = Flux.interval(interval, interval, ticks)
        .onBackpressureDrop()
        .concatMap(tick -> purgeOnce(), 1)
        .subscribe();
  }

  /** One purge, errors logged rather than propagated, so the schedule survives an outage. */
  Mono<Integer> purgeOnce() {
    return store.purgeExpired()
        .doOnNext(n -> {
          if (n > 0) {
            LOG.debug("purged {} expired idempotency records", n);
          }
        })
        .onErrorResume(e -> {
          LOG.warn("idempotency purge failed; will retry in {}", interval, e);
          return Mono.empty();
        });
  }

  @Override
  public synchronized void stop() {
    Disposable d = running;
    running = null;
    if (d != null) {
      d.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return running != null;
  }
}
