package org.capillary.sdk.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How the client waits between attempts. The default sleeps for real; tests inject one that
 * records the delays and returns at once, so retry tests take no time.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Blocks for {@code delay} (synchronous client).
   *
   * @param delay how long
   * @throws InterruptedException if interrupted while waiting
   */
  void sleep(Duration delay) throws InterruptedException;

  /**
   * Completes after {@code delay} without blocking (asynchronous client). The default delegates to
   * {@link CompletableFuture#delayedExecutor} when {@link #sleep} is the system sleeper; custom
   * sleepers are called directly, then complete.
   *
   * @param delay how long
   * @return a future completing after the delay
   */
  default CompletableFuture<Void> delay(Duration delay) {
    try {
      sleep(delay);
      return CompletableFuture.completedFuture(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(e);
    }
  }

  /** @return the sleeper that really waits ({@link Thread#sleep}, or a delayed executor when async) */
  static Sleeper system() {
    return new Sleeper() {
      @Override
      public void sleep(Duration delay) throws InterruptedException {
        Thread.sleep(delay.toMillis());
      }

      @Override
      public CompletableFuture<Void> delay(Duration delay) {
        return CompletableFuture.runAsync(() -> { },
            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
      }
    };
  }
}
