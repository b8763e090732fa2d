package org.capillary.gateway.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.store.StoreCalls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Runs blocking media work (JDBC and file I/O) off the event loop through
 * {@link StoreCalls#uninterrupted} (so a camera dropping its connection mid-chunk never interrupts
 * a transaction), and turns outages into problems the client can act on: a chunk of the same
 * upload being written by another request is CONFLICT (409, retry later); an unreachable
 * database, an exhausted pool, a full queue or failing storage is SERVICE_UNAVAILABLE (503,
 * nothing was kept).
 */
final class MediaCalls {

  private static final Logger LOG = LoggerFactory.getLogger(MediaCalls.class);

  private MediaCalls() {}

  /**
   * @param scheduler the media scheduler
   * @param call the blocking work; a null result completes the Mono empty
   */
  static <T> Mono<T> call(Scheduler scheduler, Callable<@Nullable T> call) {
    return StoreCalls.uninterrupted(scheduler, call).onErrorMap(MediaCalls::translate);
  }

  static Throwable translate(Throwable e) {
    Throwable t = Exceptions.unwrap(e);
    if (t instanceof ProblemException) {
      return t;
    }
    if (t instanceof PessimisticLockingFailureException || t instanceof QueryTimeoutException) {
      return new ProblemException("CONFLICT", "another request is writing to this upload; retry in a moment",
          List.of(), Map.of(), Map.of("Retry-After", "1"));
    }
    if (t instanceof RejectedExecutionException
        || t instanceof DataAccessResourceFailureException
        || t instanceof TransientDataAccessException
        || t instanceof CannotCreateTransactionException
        || t instanceof SQLTransientConnectionException
        || t instanceof IOException
        || t instanceof UncheckedIOException) {
      LOG.warn("media storage unavailable: {}", t.toString());
      return new ProblemException("SERVICE_UNAVAILABLE", "the media storage is unavailable; nothing was kept",
          List.of(), Map.of(), Map.of("Retry-After", "1"));
    }
    return t;
  }
}
