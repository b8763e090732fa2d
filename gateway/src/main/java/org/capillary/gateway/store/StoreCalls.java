package org.capillary.gateway.store;

import java.sql.SQLTransientConnectionException;
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

/**
 * The one way the gateway runs blocking database (and file) work from a reactive pipeline: off
 * the event loop, on a bounded scheduler, and never interrupted once started.
 *
 * <p>Not {@code Mono.fromCallable(...).subscribeOn(scheduler)}: cancelling that (a client hanging
 * up mid-request) interrupts the thread running the call, and an interrupt inside JDBC closes
 * H2's file channel ({@code ClosedByInterruptException}) and with it the embedded database, for
 * every request until restart; on PostgreSQL it leaves a pooled connection in an unknown state.
 * Once scheduled, the work here runs to its end whatever happens to the subscriber; a write
 * completed after its client left is answered to the retry from the idempotency store.
 */
public final class StoreCalls {

  private static final Logger LOG = LoggerFactory.getLogger(StoreCalls.class);

  private StoreCalls() {}

  /**
   * Runs a blocking store call; store outages fail with SERVICE_UNAVAILABLE (see
   * {@link #translate(Throwable)}).
   *
   * @param scheduler the bounded store scheduler
   * @param call the blocking work; a null result completes the Mono empty
   * @param <T> the result type
   * @return the result, emitted on the scheduler's thread
   */
  public static <T> Mono<T> call(Scheduler scheduler, Callable<@Nullable T> call) {
    return uninterrupted(scheduler, call).onErrorMap(StoreCalls::translate);
  }

  /**
   * Runs blocking work on {@code scheduler} without translating its failures, for callers that map
   * them to problems of their own. Cancelling the returned Mono never interrupts the work; a full
   * scheduler queue fails it with {@link RejectedExecutionException}.
   *
   * @param scheduler a bounded scheduler for blocking work
   * @param call the blocking work; a null result completes the Mono empty
   * @param <T> the result type
   * @return the result, emitted on the scheduler's thread
   */
  public static <T> Mono<T> uninterrupted(Scheduler scheduler, Callable<@Nullable T> call) {
    return Mono.create(sink -> {
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
    });
  }

  /**
   * Fails closed, and says so: an unreachable database, an exhausted pool (Spring's
   * {@code CannotGetJdbcConnectionException}, or Hikari's {@link SQLTransientConnectionException}
   * where no Spring template wrapped it), a full store queue, a deadlock or a lock timeout all mean
   * "nothing was stored, retry later": SERVICE_UNAVAILABLE (503) with {@code Retry-After}, never a
   * 500. Problems and anything else (a bug) pass through unchanged.
   *
   * @param e a failure of a store call
   * @return the failure to answer with
   */
  public static Throwable translate(Throwable e) {
    Throwable t = Exceptions.unwrap(e);
    if (t instanceof ProblemException) {
      return t;
    }
    if (t instanceof RejectedExecutionException
        || t instanceof DataAccessResourceFailureException
        || t instanceof TransientDataAccessException
        || t instanceof CannotCreateTransactionException
        || t instanceof SQLTransientConnectionException) {
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
