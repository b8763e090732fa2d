package org.capillary.sdk.upload;

import org.jspecify.annotations.Nullable;

/**
 * Where the uploader keeps the state of unfinished uploads, so that {@code uploadMedia} called again
 * after a restart continues the existing upload instead of declaring a new one. The uploader saves
 * the state after declaring an upload and after every acknowledged chunk, and deletes it once the
 * upload is complete (or has become unusable: expired, unknown, digest mismatch).
 *
 * <p>Implementations must be safe for use by several threads; {@link FileUploadStateStore} keeps one
 * small file per upload. Failures are reported as unchecked exceptions (e.g.
 * {@link java.io.UncheckedIOException}) and end the upload call.
 */
public interface UploadStateStore {

  /**
   * @param key the key of an upload ({@link UploadState#key()})
   * @return its saved state, or {@code null} when none is saved
   */
  @Nullable UploadState load(String key);

  /**
   * Saves (replaces) the state of an upload under its key.
   *
   * @param state the state
   */
  void save(UploadState state);

  /**
   * Forgets an upload; nothing happens when none is saved under the key.
   *
   * @param key the key of the upload
   */
  void delete(String key);
}
