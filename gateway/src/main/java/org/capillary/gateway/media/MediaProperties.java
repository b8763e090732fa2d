package org.capillary.gateway.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Media settings ({@code capillary.gateway.media.*}).
 *
 * @param storageRoot where uploads in progress, spooled chunks and the content-addressed store
 *     live; empty for {@code <capillary.gateway.data-dir>/media}. With several replicas it must be
 *     shared storage (or replace {@link FolderMediaStore} with an object store)
 * @param maxSize the largest declared length per media kind (PHOTO, VIDEO, DOCUMENT, AUDIO,
 *     SIGNATURE), overriding the built-in limits (PHOTO 50MB, DOCUMENT 100MB, VIDEO 4GB, AUDIO
 *     500MB, SIGNATURE 5MB); a kind in neither gets {@code defaultMaxSize}. Larger →
 *     UPLOAD_TOO_LARGE
 * @param defaultMaxSize the limit of kinds not in {@code maxSize}
 * @param maxChunkSize the largest body of one PATCH (PAYLOAD_TOO_LARGE above); it also bounds
 *     what the JDK's Ed25519 holds in memory while verifying a chunk signature
 * @param expiry how long an unfinished upload lives after its creation (tus expiration)
 * @param janitorInterval how often expired uploads and stale spool files are cleaned up
 * @param spoolMaxAge a spool file older than this is a leftover of a crashed request
 */
@ConfigurationProperties("capillary.gateway.media")
public record MediaProperties(
    @DefaultValue("") String storageRoot,
    @DefaultValue Map<String, DataSize> maxSize,
    @DefaultValue("4GB") DataSize defaultMaxSize,
    @DefaultValue("16MB") DataSize maxChunkSize,
    @DefaultValue("PT24H") Duration expiry,
    @DefaultValue("PT5M") Duration janitorInterval,
    @DefaultValue("PT1H") Duration spoolMaxAge) {

  /** The built-in limits per kind, overridden by {@code maxSize}. */
  public static final Map<String, DataSize> BUILT_IN = Map.of(
      "PHOTO", DataSize.ofMegabytes(50),
      "DOCUMENT", DataSize.ofMegabytes(100),
      "VIDEO", DataSize.ofGigabytes(4),
      "AUDIO", DataSize.ofMegabytes(500),
      "SIGNATURE", DataSize.ofMegabytes(5));

  /** The largest declaration of all kinds: Tus-Max-Size. */
  public long maxOfAllKinds() {
    long max = 0;
    for (String kind : BUILT_IN.keySet()) {
      max = Math.max(max, limitFor(kind));
    }
    for (String kind : maxSize.keySet()) {
      max = Math.max(max, limitFor(kind.toUpperCase(Locale.ROOT)));
    }
    return max;
  }

  /**
   * The limit of a kind.
   *
   * @param kind PHOTO, VIDEO, DOCUMENT, AUDIO or SIGNATURE
   * @return its largest declared length in bytes
   */
  public long limitFor(String kind) {
    DataSize size = maxSize.get(kind);
    if (size == null) {
      size = maxSize.get(kind.toLowerCase(Locale.ROOT));
    }
    if (size == null) {
      size = BUILT_IN.get(kind);
    }
    return (size == null ? defaultMaxSize : size).toBytes();
  }

  /**
   * The storage root, resolved against the data folder.
   *
   * @param dataDir capillary.gateway.data-dir
   * @return the media folder
   */
  public Path root(@Nullable Path dataDir) {
    if (!storageRoot.isBlank()) {
      return Path.of(storageRoot);
    }
    return (dataDir == null ? Path.of("./data") : dataDir).resolve("media");
  }
}
