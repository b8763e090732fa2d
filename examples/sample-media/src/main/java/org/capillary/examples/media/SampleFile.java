package org.capillary.examples.media;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.models.UploadCreation;
import org.capillary.sdk.upload.UploadOptions;
import org.capillary.sdk.upload.UploadedMedia;
import org.jspecify.annotations.Nullable;

/**
 * A media file held in memory: its name, media type, the contract's media kind and its octets.
 *
 * @param fileName the name declared on upload, without a path
 * @param contentType the media type declared on upload, e.g. {@code image/jpeg}
 * @param kind the contract's media kind ({@code PHOTO}, {@code DOCUMENT}, {@code VIDEO}, …)
 * @param content the octets; not copied, treat as read-only
 */
public record SampleFile(String fileName, String contentType, UploadCreation.KindEnum kind, byte[] content) {

  /** Checks the components. */
  public SampleFile {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(content, "content");
    if (content.length == 0) {
      throw new IllegalArgumentException("a media file has at least one octet");
    }
  }

  /** @return the length in octets */
  public long length() {
    return content.length;
  }

  /** @return the lower-case hex SHA-256 of the content, as records cite it */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Uploads the file before the record that cites it (createUpload, then the chunks).
   *
   * @param client the connector's client
   * @param projectId the works project the file belongs to, or {@code null}
   * @return the complete media item, to cite as {@code {"mediaId": …, "sha256": …}}
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived after retries
   */
  public UploadedMedia upload(CapillaryClient client, @Nullable String projectId) {
    UploadOptions options = UploadOptions.builder(kind, contentType).fileName(fileName).projectId(projectId).build();
    return client.uploadMedia(() -> new ByteArrayInputStream(content), content.length, sha256(), options);
  }
}
