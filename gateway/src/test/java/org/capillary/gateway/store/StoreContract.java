package org.capillary.gateway.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.capillary.gateway.error.ProblemException;

/** What every store contract test gets from the database-specific runner. */
interface StoreContract {

  Duration TIMEOUT = Duration.ofSeconds(20);

  /** Fresh components (and clock) over the runner's database. */
  Stores stores();

  /** The problem code a failed call ended with, or null when it succeeded. */
  static String codeOf(Callable<?> call) {
    try {
      call.call();
      return null;
    } catch (ProblemException e) {
      return e.code();
    } catch (Exception e) {
      throw new AssertionError("expected a ProblemException", e);
    }
  }

  /** Runs the task on n threads released at the same instant; returns results or exceptions. */
  static List<Object> concurrently(int n, Callable<?> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          try {
            return task.call();
          } catch (Exception e) {
            return e;
          }
        }));
      }
      ready.await();
      go.countDown();
      List<Object> results = new ArrayList<>();
      for (Future<Object> f : futures) {
        results.add(f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
