package org.capillary.sdk.upload;

/** Told how far an upload has come. Called on the uploading thread; keep it quick. */
@FunctionalInterface
public interface UploadProgressListener {

  /** A listener that ignores progress. */
  UploadProgressListener NONE = (sent, total) -> { };

  /**
   * Called once when an upload resumes at an offset above zero, and after every chunk the gateway
   * acknowledged.
   *
   * @param sent the octets the gateway holds (its {@code Upload-Offset})
   * @param total the length of the file
   */
  void onProgress(long sent, long total);
}
