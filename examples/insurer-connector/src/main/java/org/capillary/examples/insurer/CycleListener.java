package org.capillary.examples.insurer;

import org.capillary.sdk.upload.UploadedMedia;

/**
 * Told what the {@link InsurerServiceCycle} does as it goes, e.g. to print it. Both methods do
 * nothing by default; they run on the cycle's thread and must not throw.
 */
public interface CycleListener {

  /** Ignores everything. */
  CycleListener NONE = new CycleListener() {
  };

  /**
   * A media file was uploaded (before the record that cites it).
   *
   * @param purpose what the file is, e.g. {@code "risk assessment report"}
   * @param media the complete media item
   */
  default void uploaded(String purpose, UploadedMedia media) {
  }

  /**
   * A record was filed and its receipt verified.
   *
   * @param filing the record and its receipt
   */
  default void filed(Filing filing) {
  }
}
