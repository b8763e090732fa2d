package org.capillary.sdk.upload;

import java.util.Objects;

/**
 * A completely uploaded media item, as records cite it ({@code {"mediaId": …, "sha256": …}}).
 *
 * @param mediaId the media id (the upload id)
 * @param sha256 the lowercase hex SHA-256 of the whole file, verified by the gateway
 * @param length the length in octets
 */
public record UploadedMedia(String mediaId, String sha256, long length) {

  public UploadedMedia {
    Objects.requireNonNull(mediaId, "mediaId");
    Objects.requireNonNull(sha256, "sha256");
  }
}
