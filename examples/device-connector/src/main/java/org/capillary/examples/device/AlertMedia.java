package org.capillary.examples.device;

import java.util.Objects;
import java.util.regex.Pattern;
import org.capillary.sdk.models.UploadCreation;
import org.jspecify.annotations.Nullable;

/**
 * A media file an alert cites: where the alert cites it, the file in the journal's media folder,
 * and — once uploaded — its media id. The file is kept until the alert's delivery is complete.
 *
 * @param slot the member of the alert's {@code data} that cites it: {@code snapshot} or {@code clip}
 * @param fileName the file's name in {@link AlertJournal#mediaDirectory()} (no path)
 * @param kind the media kind to declare
 * @param contentType the media type to declare
 * @param mediaId the gateway's id of the uploaded file, or {@code null} while it is not uploaded
 */
public record AlertMedia(String slot, String fileName, UploadCreation.KindEnum kind, String contentType,
    @Nullable String mediaId) {

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  /** Checks the components. */
  public AlertMedia {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(contentType, "contentType");
    if (!slot.equals("snapshot") && !slot.equals("clip")) {
      throw new IllegalArgumentException("slot must be snapshot or clip");
    }
    if (!FILE_NAME.matcher(Objects.requireNonNull(fileName, "fileName")).matches()) {
      throw new IllegalArgumentException("fileName must be a plain file name: " + fileName);
    }
  }

  /**
   * A file not uploaded yet.
   *
   * @param slot {@code snapshot} or {@code clip}
   * @param fileName the file's name in the media folder
   * @param kind the media kind
   * @param contentType the media type
   * @return the media
   */
  public static AlertMedia pending(String slot, String fileName, UploadCreation.KindEnum kind, String contentType) {
    return new AlertMedia(slot, fileName, kind, contentType, null);
  }

  /** @return whether the file is uploaded and cited in the event */
  public boolean uploaded() {
    return mediaId != null;
  }

  /**
   * @param id the gateway's media id
   * @return this media, uploaded
   */
  public AlertMedia withMediaId(String id) {
    return new AlertMedia(slot, fileName, kind, contentType, Objects.requireNonNull(id, "id"));
  }
}
