package org.capillary.sdk.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.capillary.sdk.exception.CapillaryClientException;
import org.capillary.sdk.exception.CapillaryServiceException;
import org.capillary.sdk.exception.RateLimitedException;
import org.capillary.sdk.http.RetryOptions;
import org.capillary.sdk.http.Sleeper;
import org.capillary.sdk.implementation.CallSpec;
import org.capillary.sdk.implementation.ClientCore;
import org.capillary.sdk.implementation.Exchange;
import org.capillary.sdk.implementation.HttpPipeline;
import org.capillary.sdk.implementation.RetryPolicy;
import org.capillary.sdk.models.WriteOptions;
import org.jspecify.annotations.Nullable;

/**
 * Uploads media over the gateway's tus 1.0 endpoints: declares the upload ({@code createUpload},
 * a signed write answered with a verified receipt), sends the file chunk by chunk
 * ({@code appendUploadChunk}) and asks for the offset ({@code getUploadOffset}, HEAD) whenever
 * the outcome of a chunk is unknown.
 *
 * <p>Per chunk: the chunk alone is read into memory; the PATCH carries {@code Tus-Resumable: 1.0.0},
 * {@code Upload-Offset}, {@code Upload-Checksum: sha256 <base64>} and the Idempotency-Key
 * {@code <uploadId>@<offset>}, and is signed afresh (the signature's {@code cdg} is the chunk's
 * digest). A failed chunk is repeated within the client's {@link RetryOptions} (same waits, same
 * limit per chunk): after a connection failure or a retryable status (408, 429, 5xx) the uploader
 * waits, asks the gateway for its offset and continues from there; after UPLOAD_OFFSET_MISMATCH it
 * continues from the gateway's offset at once; after UPLOAD_CHECKSUM_MISMATCH (bytes damaged on the
 * way) it sends the chunk again. Other errors end the call with the service's exception.
 *
 * <p>Obtain one from {@link org.capillary.sdk.CapillaryClient#mediaUploader()}. Thread-safe; each
 * call uploads one file on the calling thread.
 */
public final class MediaUploader {

  private static final System.Logger LOG = System.getLogger("org.capillary.sdk");
  private static final String TUS_VERSION = "1.0.0";
  private static final String CHUNK_TYPE = "application/offset+octet-stream";
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final int HASH_BUFFER = 64 * 1024;

  private final ClientCore core;
  private final HttpPipeline single;
  private final RetryPolicy retry;
  private final Sleeper sleeper;

  /**
   * For the SDK's clients; applications obtain an uploader from the client.
   *
   * @param core the client's core
   */
  public MediaUploader(ClientCore core) {
    this.core = Objects.requireNonNull(core, "core");
    HttpPipeline pipeline = core.pipeline();
    this.retry = pipeline.retryPolicy();
    this.sleeper = pipeline.sleeper();
    // Chunks are sent once per attempt here: the recovery (HEAD, then resend from the gateway's
    // offset) is this class's loop, governed by the same retry policy.
    this.single = pipeline.withRetryPolicy(new RetryPolicy(RetryOptions.disabled(), Clock.systemUTC()));
  }

  /**
   * Uploads a file: computes its SHA-256 in one streaming pass, then sends it chunk by chunk.
   *
   * @param file the file; it must not change during the upload
   * @param options what to declare and how to send
   * @return the complete media item
   * @throws UncheckedIOException if the file cannot be read
   * @throws CapillaryServiceException for an error answer (e.g. UPLOAD_DIGEST_MISMATCH if the file
   *     changed, UPLOAD_TOO_LARGE), after retries
   * @throws CapillaryClientException if no usable answer arrived after retries; with a state store
   *     the upload can be resumed by calling again
   */
  public UploadedMedia upload(Path file, UploadOptions options) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    long length;
    String sha256;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      MessageDigest digest = sha256();
      ByteBuffer buffer = ByteBuffer.allocate(HASH_BUFFER);
      length = 0;
      while (channel.read(buffer.clear()) != -1) {
        buffer.flip();
        length += buffer.remaining();
        digest.update(buffer);
      }
      sha256 = HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    String fileName = options.fileName() != null ? options.fileName()
        : file.getFileName() == null ? null : file.getFileName().toString();
    try (ChunkSource source = new FileSource(file)) {
      return upload(source, length, sha256, fileName, file.toAbsolutePath().normalize().toString(), options);
    }
  }

  /**
   * Uploads a stream whose length and SHA-256 the caller knows. The supplier is asked for a new
   * stream from the start whenever the upload has to go back to an earlier offset (e.g. when
   * resuming); it must yield the same octets every time.
   *
   * @param content opens the content from its first octet
   * @param length the length in octets, at least 1
   * @param sha256 the SHA-256 of the whole content, 64 hex digits
   * @param options what to declare and how to send
   * @return the complete media item
   * @throws UncheckedIOException if the content cannot be read or ends early
   * @throws CapillaryServiceException for an error answer (UPLOAD_DIGEST_MISMATCH if {@code sha256}
   *     is not the content's), after retries
   * @throws CapillaryClientException if no usable answer arrived after retries
   */
  public UploadedMedia upload(Supplier<? extends InputStream> content, long length, String sha256,
      UploadOptions options) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(options, "options");
    if (!SHA256_HEX.matcher(Objects.requireNonNull(sha256, "sha256")).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 hex digits");
    }
    try (ChunkSource source = new StreamSource(content)) {
      return upload(source, length, sha256.toLowerCase(java.util.Locale.ROOT), options.fileName(), null, options);
    }
  }

  private UploadedMedia upload(ChunkSource source, long length, String sha256, @Nullable String fileName,
      @Nullable String sourcePath, UploadOptions options) {
    if (length < 1) {
      throw new IllegalArgumentException("an upload must have at least one octet");
    }
    UploadStateStore store = options.stateStore();
    String key = key(sha256, length, options);
    UploadState state = store == null ? null : resume(store, key, sha256, length);
    long offset;
    if (state != null) {
      offset = state.offset();
      if (offset > 0) {
        options.progressListener().onProgress(offset, length);
      }
    } else {
      Created created = create(length, sha256, fileName, options);
      state = new UploadState(key, created.uploadId(), created.offset(), sha256, length, sourcePath);
      offset = created.offset();
      if (store != null) {
        store.save(state);
      }
    }
    String uploadId = state.uploadId();
    int retries = 0;
    while (offset < length) {
      int n = (int) Math.min(options.chunkSize(), length - offset);
      byte[] chunk = new byte[n];
      source.read(offset, chunk);
      long next;
      try {
        Exchange answer = single.send(patch(uploadId, offset, chunk));
        next = headerLong(answer.headers(), "Upload-Offset", offset + n);
      } catch (CapillaryClientException e) {
        if (!(e.getCause() instanceof IOException) || !retry.mayRetry(retries)) {
          throw unfinished(uploadId, offset, length, e);
        }
        pause(uploadId, retries, retry.delay(retries, null), e.getCause().getClass().getSimpleName());
        retries++;
        offset = head(uploadId, length);
        continue;
      } catch (CapillaryServiceException e) {
        if (isGone(e) || "UPLOAD_DIGEST_MISMATCH".equals(e.errorCode())) {
          // Nothing of this upload is kept any more: a later call must declare a new one.
          forget(store, key);
          throw e;
        }
        if (!retry.mayRetry(retries)) {
          throw e;
        }
        if ("UPLOAD_OFFSET_MISMATCH".equals(e.errorCode())) {
          retries++;
          offset = head(uploadId, length);
          continue;
        }
        if ("UPLOAD_CHECKSUM_MISMATCH".equals(e.errorCode()) || e.statusCode() == 460) {
          pause(uploadId, retries, retry.delay(retries, null), "checksum mismatch");
          retries++;
          continue;
        }
        Duration retryAfter = e instanceof RateLimitedException r ? r.retryAfter().orElse(null) : null;
        if (RetryPolicy.isRetryableStatus(e.statusCode()) && retry.mayWait(retryAfter)) {
          pause(uploadId, retries, retry.delay(retries, retryAfter), "status " + e.statusCode());
          retries++;
          offset = head(uploadId, length);
          continue;
        }
        throw e;
      }
      if (next <= offset || next > length) {
        throw new CapillaryClientException("upload " + uploadId + ": the gateway answered offset " + next
            + " to a chunk at " + offset, null);
      }
      offset = next;
      retries = 0;
      if (store != null && offset < length) {
        store.save(state.withOffset(offset));
      }
      options.progressListener().onProgress(offset, length);
    }
    forget(store, key);
    return new UploadedMedia(uploadId, sha256, length);
  }

  /** The saved upload of this content if the gateway still holds it, at the gateway's offset. */
  private @Nullable UploadState resume(UploadStateStore store, String key, String sha256, long length) {
    UploadState saved = store.load(key);
    if (saved == null) {
      return null;
    }
    if (!saved.sha256().equals(sha256) || saved.length() != length) {
      store.delete(key);
      return null;
    }
    try {
      return saved.withOffset(head(saved.uploadId(), length));
    } catch (CapillaryServiceException e) {
      if (isGone(e)) {
        store.delete(key);
        return null;
      }
      throw e;
    }
  }

  private record Created(String uploadId, long offset) {
  }

  private Created create(long length, String sha256, @Nullable String fileName, UploadOptions options) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", options.kind().getValue());
    body.put("contentType", options.contentType());
    body.put("length", length);
    body.put("sha256", sha256);
    if (fileName != null) {
      body.put("fileName", fileName);
    }
    if (options.projectId() != null) {
      body.put("projectId", options.projectId());
    }
    // tus creation: the declaration is a signed record, and a tus request (Tus-Resumable).
    ClientCore.WriteResult created = core.writeWithHeaders("createUpload", "POST", "/v1/uploads", body,
        ClientCore.JSON, WriteOptions.none(), Map.of("Tus-Resumable", TUS_VERSION));
    String location = created.headers().firstValue("Location").orElse(null);
    int at = location == null ? -1 : location.lastIndexOf("/v1/uploads/");
    String uploadId = at < 0 ? "" : location.substring(at + "/v1/uploads/".length());
    if (uploadId.isEmpty() || uploadId.contains("/")) {
      throw new CapillaryClientException("createUpload: the answer names no upload (Location " + location + ")", null);
    }
    return new Created(uploadId, headerLong(created.headers(), "Upload-Offset", 0));
  }

  private CallSpec patch(String uploadId, long offset, byte[] chunk) {
    return new CallSpec("appendUploadChunk", "PATCH", target(uploadId), chunk, CHUNK_TYPE, uploadId + "@" + offset,
        requestId(), Map.of("Tus-Resumable", TUS_VERSION, "Upload-Offset", Long.toString(offset),
            "Upload-Checksum", "sha256 " + Base64.getEncoder().encodeToString(sha256().digest(chunk))));
  }

  /** The gateway's offset of an upload (HEAD), retried by the pipeline. */
  private long head(String uploadId, long length) {
    Exchange answer = core.pipeline().send(new CallSpec("getUploadOffset", "HEAD", target(uploadId), new byte[0],
        null, null, requestId(), Map.of("Tus-Resumable", TUS_VERSION)));
    long declared = headerLong(answer.headers(), "Upload-Length", length);
    long offset = headerLong(answer.headers(), "Upload-Offset", -1);
    if (declared != length || offset < 0 || offset > length) {
      throw new CapillaryClientException("getUploadOffset: upload " + uploadId + " is at " + offset + " of "
          + declared + " octets, expected at most " + length, null);
    }
    return offset;
  }

  private String target(String uploadId) {
    return core.pipeline().target("/v1/uploads/" + ClientCore.segment(uploadId));
  }

  private static boolean isGone(CapillaryServiceException e) {
    return e.statusCode() == 404 || e.statusCode() == 410 || "UPLOAD_EXPIRED".equals(e.errorCode());
  }

  private static void forget(@Nullable UploadStateStore store, String key) {
    if (store != null) {
      store.delete(key);
    }
  }

  private static CapillaryClientException unfinished(String uploadId, long offset, long length,
      CapillaryClientException cause) {
    return new CapillaryClientException("upload " + uploadId + " stopped at offset " + offset + " of " + length
        + ": " + cause.getMessage() + "; call again with the same UploadStateStore to resume", cause);
  }

  private void pause(String uploadId, int retries, Duration delay, String why) {
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(Level.INFO, "appendUploadChunk {0} retry {1}: {2}, asking for the offset in {3} ms", uploadId,
          retries + 1, why, delay.toMillis());
    }
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CapillaryClientException("upload " + uploadId + " interrupted while waiting to retry", e);
    }
  }

  private static long headerLong(HttpHeaders headers, String name, long absent) {
    String value = headers.firstValue(name).orElse(null);
    if (value == null) {
      return absent;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new CapillaryClientException("the gateway's " + name + " is not a number: " + value, e);
    }
  }

  private static String requestId() {
    return "sdk-" + UUID.randomUUID();
  }

  /** The state key: one upload per connector, content and declaration. */
  private String key(String sha256, long length, UploadOptions options) {
    String identity = String.join("\n", core.connectorId(), sha256, Long.toString(length), options.kind().getValue(),
        options.contentType(), Objects.requireNonNullElse(options.projectId(), ""));
    return HexFormat.of().formatHex(sha256().digest(identity.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where chunks come from. */
  private interface ChunkSource extends AutoCloseable {
    /** Fills {@code chunk} with the octets at {@code offset}. */
    void read(long offset, byte[] chunk);

    @Override
    void close();
  }

  /** A file, read with positional reads. */
  private static final class FileSource implements ChunkSource {
    private final Path file;
    private final FileChannel channel;

    FileSource(Path file) {
      this.file = file;
      try {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }

    @Override
    public void read(long offset, byte[] chunk) {
      ByteBuffer buffer = ByteBuffer.wrap(chunk);
      try {
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, offset + buffer.position()) < 0) {
            throw new UncheckedIOException(new IOException(file + " became shorter during the upload"));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }

    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // read-only: nothing is lost
      }
    }
  }

  /** A stream, read forward; reopened from the start to go back. */
  private static final class StreamSource implements ChunkSource {
    private final Supplier<? extends InputStream> open;
    private @Nullable InputStream in;
    private long position;

    StreamSource(Supplier<? extends InputStream> open) {
      this.open = open;
    }

    @Override
    public void read(long offset, byte[] chunk) {
      try {
        InputStream stream = in;
        if (stream == null || offset < position) {
          close();
          stream = Objects.requireNonNull(open.get(), "the content supplier returned null");
          in = stream;
          position = 0;
        }
        stream.skipNBytes(offset - position);
        position = offset;
        if (stream.readNBytes(chunk, 0, chunk.length) < chunk.length) {
          throw new IOException("the content ended before its declared length");
        }
        position += chunk.length;
      } catch (IOException e) {
        close();
        throw new UncheckedIOException("cannot read the content", e);
      }
    }

    @Override
    public void close() {
      InputStream stream = in;
      in = null;
      if (stream != null) {
        try {
          stream.close();
        } catch (IOException ignored) {
          // nothing is lost
        }
      }
    }
  }
}
