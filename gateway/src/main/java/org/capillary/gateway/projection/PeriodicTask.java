package org.capillary.gateway.projection;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs blocking work at a fixed interval on a dedicated single-thread scheduler (never on the
 * event loop), while the application runs. A round that is still running when the next is due
 * makes that one skip; a failing round is logged and the next one runs as usual.
 */
public final class PeriodicTask implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

  private final String name;
  private final Duration interval;
  private final boolean enabled;
  private final Runnable work;
  private @Nullable Scheduler scheduler;
  private @Nullable Disposable running;

  /**
   * @param name the thread name
   * @param interval time between rounds
   * @param enabled false to never start (tests drive the work by hand)
   * @param work one round (blocking)
   */
  public PeriodicTask(String name, Duration interval, boolean enabled, Runnable work) {
    this.name = name;
    this.interval = interval;
    this.enabled = enabled;
    this.work = work;
  }

  @Override
  public synchronized void start() {
    if (!enabled || running != null) {
      return;
    }
    Scheduler s = Schedulers.newSingle(name, true);
    scheduler = s;
    running = Flux.interval(interval, interval, s)
        .onBackpressureDrop()
        .concatMap(tick -> Mono.fromRunnable(work)
            .subscribeOn(s)
            .onErrorResume(e -> {
              LOG.warn("{} round failed: {}", name, e.toString());
              return Mono.empty();
            }), 1)
        .subscribe();
  }

  @Override
  public synchronized void stop() {
    if (running != null) {
      running.dispose();
      running = null;
    }
    if (scheduler != null) {
      scheduler.dispose();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return running != null;
  }
}
