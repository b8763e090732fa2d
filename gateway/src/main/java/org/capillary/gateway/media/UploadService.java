package org.capillary.gateway.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.capillary.gateway.error.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The life of an upload after its declaration: chunks appended at the current offset (tus core and
 * checksum), its state for resuming (HEAD), termination (DELETE).
 *
 * <p>Appending one chunk, in one database transaction holding the upload's row lock (so one chunk
 * at a time per upload, across replicas):
 * <ol>
 *   <li>the upload exists and belongs to the connector (NOT_FOUND otherwise, as for an upload that
 *       never existed) and has not expired (UPLOAD_EXPIRED, 410);
 *   <li>a retry of the chunk accepted last (same offset, bytes and Idempotency-Key, e.g. after a
 *       lost response) is answered with the current state again, changing nothing;
 *   <li>Upload-Offset is the current offset (UPLOAD_OFFSET_MISMATCH, 409, with the current offset
 *       in the Upload-Offset header);
 *   <li>the chunk's SHA-256 is the one Upload-Checksum announces (UPLOAD_CHECKSUM_MISMATCH, 460);
 *       the chunk is discarded, the offset stays;
 *   <li>the chunk does not run past the declared length (PAYLOAD_TOO_LARGE);
 *   <li>the chunk is copied from the spool into the part file at the offset (anything beyond the
 *       durable offset, left by a crash, is cut off first) and forced to disk, while the running
 *       whole-file digest ({@link DigestStates}) is updated; the offset is saved;
 *   <li>at the last byte the whole file's SHA-256 is compared with the declared one: different →
 *       the part file and the upload are deleted and the answer is UPLOAD_DIGEST_MISMATCH (422),
 *       nothing corrupt is kept; equal → the file is moved into the {@link MediaStore} and the
 *       upload marked COMPLETE (so COMPLETE always means "in the store").
 * </ol>
 */
public final class UploadService {

  private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);
  private static final int COPY_BUFFER = 256 * 1024;

  private final UploadRepository uploads;
  private final TransactionTemplate transactions;
  private final DigestStates digests;
  private final MediaStore store;
  private final Path uploadsDir;
  private final Clock clock;
  private final Scheduler scheduler;

  /**
   * @param uploads the upload table
   * @param transactionManager the database's transaction manager
   * @param digests the running digests
   * @param store where complete media go
   * @param uploadsDir the folder of part files (same file system as the store)
   * @param clock the clock
   * @param scheduler where the blocking work runs
   */
  public UploadService(UploadRepository uploads, PlatformTransactionManager transactionManager, DigestStates digests,
      MediaStore store, Path uploadsDir, Clock clock, Scheduler scheduler) throws IOException {
    this.uploads = uploads;
    this.transactions = new TransactionTemplate(transactionManager);
    this.digests = digests;
    this.store = store;
    this.uploadsDir = Files.createDirectories(uploadsDir);
    this.clock = clock;
    this.scheduler = scheduler;
  }

  /** The part file of an upload in progress. */
  Path partFile(String uploadId) {
    return uploadsDir.resolve(uploadId + ".part");
  }

  /**
   * The state of an upload of this connector, for HEAD.
   *
   * @throws ProblemException NOT_FOUND, UPLOAD_EXPIRED
   */
  Mono<Upload> state(String uploadId, String connectorId) {
    return MediaCalls.call(scheduler, () -> {
      Upload u = owned(uploads.find(uploadId).orElse(null), connectorId);
      if (u.expiredAt(clock.instant())) {
        throw expired();
      }
      return u;
    });
  }

  /**
   * Terminates an unfinished upload: its bytes and row are deleted (tus termination). A complete
   * item cannot be terminated (CONFLICT): records may cite it.
   */
  Mono<Void> terminate(String uploadId, String connectorId) {
    return MediaCalls.call(scheduler, () -> {
      transactions.executeWithoutResult(status -> {
        Upload u = owned(uploads.lock(uploadId).orElse(null), connectorId);
        if (u.complete()) {
          throw new ProblemException("CONFLICT", "a complete media item cannot be terminated");
        }
        uploads.delete(uploadId);
      });
      digests.remove(uploadId);
      Files.deleteIfExists(partFile(uploadId));
      return Boolean.TRUE;
    }).then();
  }

  /**
   * Appends a chunk (see the class comment for the checks, in order).
   *
   * @param uploadId the upload
   * @param connectorId the authenticated connector
   * @param offset the request's Upload-Offset
   * @param checksum the SHA-256 its Upload-Checksum announces
   * @param chunk the spooled body
   * @param idempotencyKey the request's Idempotency-Key
   * @return the upload after the chunk
   */
  Mono<Upload> append(String uploadId, String connectorId, long offset, byte[] checksum, SpooledChunk chunk,
      String idempotencyKey) {
    return MediaCalls.call(scheduler, () -> appendBlocking(uploadId, connectorId, offset, checksum, chunk, idempotencyKey));
  }

  private record Outcome(Upload upload, @Nullable MessageDigest digest, boolean digestMismatch) {}

  private Upload appendBlocking(String uploadId, String connectorId, long offset, byte[] checksum, SpooledChunk chunk,
      String idempotencyKey) throws IOException {
    Path part = partFile(uploadId);
    Outcome outcome = transactions.execute(status -> {
      try {
        return appendLocked(uploadId, connectorId, offset, checksum, chunk, idempotencyKey, part);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    if (outcome == null) {
      throw new IllegalStateException("no outcome");
    }
    Upload u = outcome.upload();
    if (outcome.digestMismatch()) {
      digests.remove(uploadId);
      Files.deleteIfExists(part);
      throw new ProblemException("UPLOAD_DIGEST_MISMATCH",
          "the " + u.length() + " bytes received do not have the declared SHA-256; nothing was kept");
    }
    if (u.complete()) {
      digests.remove(uploadId);
    } else if (outcome.digest() != null) {
      digests.put(uploadId, u.offset(), outcome.digest());
    }
    return u;
  }

  private Outcome appendLocked(String uploadId, String connectorId, long offset, byte[] checksum, SpooledChunk chunk,
      String idempotencyKey, Path part) throws IOException {
    Upload u = owned(uploads.lock(uploadId).orElse(null), connectorId);
    Instant now = clock.instant();
    if (u.expiredAt(now)) {
      throw expired();
    }
    if (isRetryOfLastChunk(u, offset, chunk, idempotencyKey)) {
      return new Outcome(u, null, false);
    }
    if (offset != u.offset()) {
      throw new ProblemException("UPLOAD_OFFSET_MISMATCH", "the upload is at offset " + u.offset(),
          List.of(), Map.of("uploadOffset", u.offset()),
          Map.of(Tus.UPLOAD_OFFSET, Long.toString(u.offset()), Tus.RESUMABLE, Tus.VERSION));
    }
    if (!MessageDigest.isEqual(checksum, chunk.sha256())) {
      throw new ProblemException("UPLOAD_CHECKSUM_MISMATCH",
          "the chunk's SHA-256 is not the one Upload-Checksum announces; it was discarded");
    }
    if (chunk.length() > u.length() - u.offset()) {
      throw new ProblemException("PAYLOAD_TOO_LARGE",
          "the chunk runs past the declared length: " + (u.length() - u.offset()) + " bytes remain");
    }
    if (chunk.length() == 0) {
      return new Outcome(u, null, false);
    }
    MessageDigest running = digests.at(uploadId, u.offset(), part);
    copy(chunk.file(), part, u.offset(), running);
    long newOffset = u.offset() + chunk.length();
    uploads.advance(uploadId, newOffset, offset, chunk.sha256Hex(), idempotencyKey, now);
    Upload advanced = withOffset(u, newOffset, offset, chunk.sha256Hex(), idempotencyKey, null);
    if (newOffset < u.length()) {
      return new Outcome(advanced, running, false);
    }
    String actual = HexFormat.of().formatHex(running.digest());
    if (!actual.equals(u.sha256())) {
      uploads.delete(uploadId);
      return new Outcome(advanced, null, true);
    }
    uploads.complete(uploadId, now);
    // Last: once the content is in the store nothing below can fail but the commit, and a failed
    // commit leaves only an unreferenced, correct object in the store.
    store.put(u.sha256(), part);
    LOG.info("media {} complete: {} bytes, sha256 {}", uploadId, u.length(), u.sha256());
    return new Outcome(withOffset(u, newOffset, offset, chunk.sha256Hex(), idempotencyKey, now), null, false);
  }

  private static boolean isRetryOfLastChunk(Upload u, long offset, SpooledChunk chunk, String key) {
    return u.lastChunkOffset() != null
        && u.lastChunkOffset() == offset
        && u.offset() == offset + chunk.length()
        && chunk.sha256Hex().equals(u.lastChunkSha256())
        && key.equals(u.lastChunkKey());
  }

  /** Cuts the part file back to the durable offset, then writes the chunk there and forces it to disk. */
  private static void copy(Path spool, Path part, long offset, MessageDigest running) throws IOException {
    try (FileChannel in = FileChannel.open(spool, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      if (out.size() < offset) {
        throw new ProblemException("UPLOAD_EXPIRED", "the bytes received so far are no longer held; declare the upload again");
      }
      out.truncate(offset);
      ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER);
      long position = offset;
      while (in.read(buffer.clear()) > 0) {
        buffer.flip();
        running.update(buffer.duplicate());
        while (buffer.hasRemaining()) {
          position += out.write(buffer, position);
        }
      }
      out.force(false);
    }
  }

  private static Upload withOffset(Upload u, long offset, long chunkOffset, String chunkSha, String key,
      @Nullable Instant completedAt) {
    return new Upload(u.uploadId(), u.connectorId(), u.kind(), u.contentType(), u.length(), u.sha256(), u.fileName(),
        u.projectId(), u.capturedAt(), completedAt != null ? Upload.COMPLETE : u.status(), offset, chunkOffset, chunkSha,
        key, u.createdAt(), u.expiresAt(), completedAt);
  }

  private static Upload owned(@Nullable Upload u, String connectorId) {
    if (u == null || !u.connectorId().equals(connectorId)) {
      throw new ProblemException("NOT_FOUND", "no upload of this connector has this id");
    }
    return u;
  }

  private static ProblemException expired() {
    return new ProblemException("UPLOAD_EXPIRED", "the upload expired before it completed; declare it again");
  }
}
