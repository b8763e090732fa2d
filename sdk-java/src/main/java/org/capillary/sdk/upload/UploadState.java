package org.capillary.sdk.upload;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What must survive a process restart to resume an upload.
 *
 * @param key the key of the upload in the {@link UploadStateStore} (derived from the connector, the
 *     content's SHA-256 and length, and the declared kind, content type and project)
 * @param uploadId the upload the gateway declared
 * @param offset the octets the gateway had acknowledged when this state was saved (the gateway's
 *     own offset, asked for with HEAD, wins on resumption)
 * @param sha256 the lowercase hex SHA-256 of the whole file
 * @param length the length of the file
 * @param sourcePath the file uploaded, or {@code null} for a stream
 */
public record UploadState(String key, String uploadId, long offset, String sha256, long length,
    @Nullable String sourcePath) {

  public UploadState {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(uploadId, "uploadId");
    Objects.requireNonNull(sha256, "sha256");
    if (offset < 0 || length < 0 || offset > length) {
      throw new IllegalArgumentException("offset must be within 0..length");
    }
  }

  /**
   * @param newOffset the new offset
   * @return this state at another offset
   */
  public UploadState withOffset(long newOffset) {
    return new UploadState(key, uploadId, newOffset, sha256, length, sourcePath);
  }
}
