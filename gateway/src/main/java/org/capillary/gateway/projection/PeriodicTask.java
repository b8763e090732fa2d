package org.capillary.gateway.projection;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs blocking work in rounds on a dedicated thread (never on the event loop), while the
 * application runs: every {@code interval} after the previous round ends, and as soon as possible
 * after {@link #wakeUp()}. Rounds never overlap; wake-ups that arrive while one is queued are
 * merged into it. A failing round is logged and the next one runs as usual, whatever it threw
 * short of a {@link VirtualMachineError}.
 *
 * <p>{@link #stop()} lets a running round finish, waiting up to {@code stopTimeout}, so a round is
 * not interrupted in the middle of a transaction at shutdown; only a round still running after
 * that wait is interrupted.
 */
public final class PeriodicTask implements SmartLifecycle {

  /** The default bound of {@link #stop()}'s wait for a running round. */
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

  private final String name;
  private final Duration interval;
  private final boolean enabled;
  private final Runnable work;
  private final Duration stopTimeout;
  private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
  private @Nullable ScheduledExecutorService executor;

  /**
   * @param name the thread name
   * @param interval time from the end of one round to the start of the next
   * @param enabled false to never start (tests drive the work by hand)
   * @param work one round (blocking)
   */
  public PeriodicTask(String name, Duration interval, boolean enabled, Runnable work) {
    this(name, interval, enabled, work, DEFAULT_STOP_TIMEOUT);
  }

  /**
   * @param name the thread name
   * @param interval time from the end of one round to the start of the next
   * @param enabled false to never start (tests drive the work by hand)
   * @param work one round (blocking)
   * @param stopTimeout how long {@link #stop()} waits for a running round to finish
   */
  public PeriodicTask(String name, Duration interval, boolean enabled, Runnable work, Duration stopTimeout) {
    this.name = name;
    this.interval = interval;
    this.enabled = enabled;
    this.work = work;
    this.stopTimeout = stopTimeout;
  }

  @Override
  public synchronized void start() {
    if (!enabled || executor != null) {
      return;
    }
    ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    e.scheduleWithFixedDelay(this::round, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    executor = e;
  }

  /**
   * Asks for a round as soon as the current one (if any) has finished, without waiting for the
   * interval. Never blocks; does nothing while the task is not running.
   */
  public void wakeUp() {
    ScheduledExecutorService e;
    synchronized (this) {
      e = executor;
    }
    if (e != null && wakeUpQueued.compareAndSet(false, true)) {
      try {
        e.execute(() -> {
          wakeUpQueued.set(false);
          round();
        });
      } catch (java.util.concurrent.RejectedExecutionException stopped) {
        wakeUpQueued.set(false);
      }
    }
  }

  // An exception escaping a scheduleWithFixedDelay task cancels every later run, so nothing may
  // escape but a VirtualMachineError (out of memory, stack overflow): after that nothing is
  // trustworthy, and stopping the rounds beats pretending.
  void round() {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.warn("{} round failed: {}", name, e.toString());
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable e) {
      LOG.error("{} round failed; the next round runs as usual", name, e);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService e;
    synchronized (this) {
      e = executor;
      executor = null;
    }
    if (e == null) {
      return;
    }
    e.shutdown();
    try {
      if (!e.awaitTermination(stopTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        LOG.warn("{}: a round still running after {}; interrupting it", name, stopTimeout);
        e.shutdownNow();
      }
    } catch (InterruptedException interrupted) {
      e.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
