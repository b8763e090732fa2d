package org.capillary.gateway.media;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A declared media item and the state of its upload (a row of {@code media_upload}).
 *
 * @param uploadId the upload id, which is also the media id
 * @param connectorId the connector that declared it
 * @param kind PHOTO, VIDEO, DOCUMENT, AUDIO or SIGNATURE
 * @param contentType the declared media type
 * @param length the declared length in bytes
 * @param sha256 the declared SHA-256 of the whole file, lower-case hex
 * @param fileName the declared file name, if any
 * @param projectId the declared project, if any
 * @param capturedAt the declared capture time as sent, if any
 * @param status {@link #UPLOADING}, {@link #COMPLETE} or {@link #EXPIRED}
 * @param offset bytes received and durable
 * @param lastChunkOffset where the last accepted chunk started, if any
 * @param lastChunkSha256 that chunk's SHA-256 (hex), if any
 * @param lastChunkKey that chunk's Idempotency-Key, if any
 * @param createdAt when it was declared
 * @param expiresAt when it expires if still unfinished
 * @param completedAt when it completed, if it has
 */
public record Upload(
    String uploadId,
    String connectorId,
    String kind,
    String contentType,
    long length,
    String sha256,
    @Nullable String fileName,
    @Nullable String projectId,
    @Nullable String capturedAt,
    String status,
    long offset,
    @Nullable Long lastChunkOffset,
    @Nullable String lastChunkSha256,
    @Nullable String lastChunkKey,
    Instant createdAt,
    Instant expiresAt,
    @Nullable Instant completedAt) {

  /** Bytes are still expected. */
  public static final String UPLOADING = "UPLOADING";
  /** Every byte arrived and matched the declared digest; the content is in the store. */
  public static final String COMPLETE = "COMPLETE";
  /** It did not complete in time; its bytes are deleted. */
  public static final String EXPIRED = "EXPIRED";

  public Upload {
    Objects.requireNonNull(uploadId, "uploadId");
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether the upload is unfinished and past its expiry at {@code now}. */
  public boolean expiredAt(Instant now) {
    return EXPIRED.equals(status) || (UPLOADING.equals(status) && !now.isBefore(expiresAt));
  }

  /** Whether it is complete. */
  public boolean complete() {
    return COMPLETE.equals(status);
  }
}
