package org.capillary.gateway.media;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.capillary.gateway.store.StoreCalls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Cleans up after unfinished uploads (tus expiration) every {@link MediaProperties#janitorInterval()}:
 * each upload still UPLOADING past its expiry is claimed with one conditional {@code UPDATE ... SET
 * status = 'EXPIRED' WHERE status = 'UPLOADING' AND expires_at <= now}; the one caller whose update
 * changed the row — on whichever replica — deletes the part file, so several replicas can run it at
 * once. The row stays (status EXPIRED) so later requests for the upload are answered
 * UPLOAD_EXPIRED (410). Spool files older than {@link MediaProperties#spoolMaxAge()} — leftovers of
 * a crash, since a request deletes its own — are removed too. Failures are logged; the next run
 * tries again.
 */
public final class UploadJanitor implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(UploadJanitor.class);
  private static final int BATCH = 500;

  private final UploadRepository uploads;
  private final UploadService service;
  private final DigestStates digests;
  private final Path spoolDir;
  private final MediaProperties properties;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Scheduler ticks;
  private volatile @Nullable Disposable running;

  UploadJanitor(UploadRepository uploads, UploadService service, DigestStates digests, Path spoolDir,
      MediaProperties properties, Clock clock, Scheduler scheduler, Scheduler ticks) {
    this.uploads = uploads;
    this.service = service;
    this.digests = digests;
    this.spoolDir = spoolDir;
    this.properties = properties;
    this.clock = clock;
    this.scheduler = scheduler;
    this.ticks = ticks;
  }

  @Override
  public synchronized void start() {
    Duration interval = properties.janitorInterval();
    if (running != null || interval.isZero()) {
      return;
    }
    running = Flux.interval(interval, interval, ticks)
        .onBackpressureDrop()
        .concatMap(tick -> sweep().onErrorResume(e -> {
          LOG.warn("media janitor run failed; will retry in {}", interval, e);
          return Mono.empty();
        }), 1)
        .subscribe();
  }

  /**
   * One run.
   *
   * @return the number of uploads this run expired
   */
  Mono<Integer> sweep() {
    // Never interrupted, also not by stop(): a run claims rows and deletes their files in one go.
    return StoreCalls.uninterrupted(scheduler, this::sweepBlocking);
  }

  private int sweepBlocking() {
    Instant now = clock.instant();
    int expired = 0;
    for (String uploadId : uploads.expiredCandidates(now, BATCH)) {
      if (uploads.claimExpired(uploadId, now)) {
        expired++;
        digests.remove(uploadId);
        deleteQuietly(service.partFile(uploadId));
      }
    }
    if (expired > 0) {
      LOG.info("expired {} unfinished upload(s)", expired);
    }
    removeStaleSpool(now);
    return expired;
  }

  private void removeStaleSpool(Instant now) {
    Instant cutoff = now.minus(properties.spoolMaxAge());
    try (DirectoryStream<Path> files = Files.newDirectoryStream(spoolDir, "*.chunk")) {
      for (Path f : files) {
        if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
          deleteQuietly(f);
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot list spool folder {}: {}", spoolDir, e.toString());
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", file, e.toString());
    }
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
