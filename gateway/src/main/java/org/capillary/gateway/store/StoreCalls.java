package org.capillary.gateway.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import org.capillary.gateway.error.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Runs blocking JDBC work off the event loop and turns store outages into SERVICE_UNAVAILABLE. */
final class StoreCalls {

  private static final Logger LOG = LoggerFactory.getLogger(StoreCalls.class);

  private StoreCalls() {}

  /**
   * @param scheduler the bounded store scheduler
   * @param call the blocking work; a null result completes the Mono empty
   */
  static <T> Mono<T> call(Scheduler scheduler, Callable<@Nullable T> call) {
    // Not fromCallable().subscribeOn(): cancelling that (a client hanging up mid-request)
    // interrupts the thread running the call, and an interrupt inside JDBC closes H2's file
    // channel (ClosedByInterruptException) and with it the embedded database, for every request
    // until restart; on PostgreSQL it leaves a pooled connection in an unknown state. Once
    // scheduled, the work runs to its end whatever happens to the subscriber; a write completed
    // after its client left is answered to the retry from the idempotency store.
    return Mono.<T>create(sink -> {
          try {
            scheduler.schedule(() -> {
              T value;
              try {
                value = call.call();
              } catch (Throwable e) {
                sink.error(e);
                return;
              }
              if (value == null) {
                sink.success();
              } else {
                sink.success(value);
              }
            });
          } catch (RejectedExecutionException e) {
            sink.error(e);
          }
        })
        .onErrorMap(StoreCalls::translate);
  }

  // Fail closed, and say so: an unreachable database, an exhausted pool, a full store queue, a
  // deadlock or a lock timeout all mean "nothing was stored, retry later" (503), never a 500.
  static Throwable translate(Throwable e) {
    Throwable t = Exceptions.unwrap(e);
    if (t instanceof ProblemException) {
      return t;
    }
    if (t instanceof RejectedExecutionException
        || t instanceof DataAccessResourceFailureException
        || t instanceof TransientDataAccessException
        || t instanceof CannotCreateTransactionException) {
      // ProblemException carries no cause (it is cheap by design), so the cause is logged here.
      LOG.warn("store unavailable: {}", t.toString());
      return new ProblemException(
          "SERVICE_UNAVAILABLE", "the store is unavailable; nothing was stored",
          List.of(), Map.of(), Map.of("Retry-After", "1"));
    }
    return t;
  }

  /** Both databases keep microseconds; truncating first makes what we write what we read back. */
  static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
