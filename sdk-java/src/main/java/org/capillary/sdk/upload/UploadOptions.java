package org.capillary.sdk.upload;

import java.util.Objects;
import org.capillary.sdk.models.UploadCreation;
import org.jspecify.annotations.Nullable;

/**
 * How to declare and send one upload. Immutable; build with {@link #builder}.
 *
 * <ul>
 *   <li>{@code kind} and {@code contentType}: what the gateway is told the file is (required);
 *   <li>{@code fileName}: the original name, without a path (for a {@link java.nio.file.Path} upload
 *       the file's own name when not set);
 *   <li>{@code projectId}: the works project the media belongs to, if any;
 *   <li>{@code chunkSize}: octets per PATCH, 8 MiB by default, at most 16 MiB; one chunk is the most
 *       the uploader holds in memory;
 *   <li>{@code progressListener}: told the acknowledged offset after every chunk;
 *   <li>{@code stateStore}: where an unfinished upload is remembered so that a later call for the
 *       same content resumes it (none by default: an interrupted upload then starts over).
 * </ul>
 */
public final class UploadOptions {

  /** The default chunk size, 8 MiB. */
  public static final int DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;
  /** The largest chunk size, 16 MiB. */
  public static final int MAX_CHUNK_SIZE = 16 * 1024 * 1024;

  private final UploadCreation.KindEnum kind;
  private final String contentType;
  private final @Nullable String fileName;
  private final @Nullable String projectId;
  private final int chunkSize;
  private final UploadProgressListener progressListener;
  private final @Nullable UploadStateStore stateStore;

  private UploadOptions(Builder b) {
    this.kind = b.kind;
    this.contentType = b.contentType;
    this.fileName = b.fileName;
    this.projectId = b.projectId;
    this.chunkSize = b.chunkSize;
    this.progressListener = b.progressListener;
    this.stateStore = b.stateStore;
  }

  /**
   * @param kind what the media is, e.g. {@code PHOTO}
   * @param contentType its media type, e.g. {@code image/jpeg}
   * @return a builder
   */
  public static Builder builder(UploadCreation.KindEnum kind, String contentType) {
    return new Builder(kind, contentType);
  }

  /** @return the kind declared */
  public UploadCreation.KindEnum kind() {
    return kind;
  }

  /** @return the content type declared */
  public String contentType() {
    return contentType;
  }

  /** @return the file name declared, or {@code null} */
  public @Nullable String fileName() {
    return fileName;
  }

  /** @return the works project, or {@code null} */
  public @Nullable String projectId() {
    return projectId;
  }

  /** @return octets per PATCH */
  public int chunkSize() {
    return chunkSize;
  }

  /** @return the progress listener ({@link UploadProgressListener#NONE} by default) */
  public UploadProgressListener progressListener() {
    return progressListener;
  }

  /** @return the state store, or {@code null} when interrupted uploads are not remembered */
  public @Nullable UploadStateStore stateStore() {
    return stateStore;
  }

  /** Builds {@link UploadOptions}. Not thread-safe. */
  public static final class Builder {
    private final UploadCreation.KindEnum kind;
    private final String contentType;
    private @Nullable String fileName;
    private @Nullable String projectId;
    private int chunkSize = DEFAULT_CHUNK_SIZE;
    private UploadProgressListener progressListener = UploadProgressListener.NONE;
    private @Nullable UploadStateStore stateStore;

    private Builder(UploadCreation.KindEnum kind, String contentType) {
      this.kind = Objects.requireNonNull(kind, "kind");
      if (kind == UploadCreation.KindEnum.UNKNOWN_DEFAULT_OPEN_API) {
        throw new IllegalArgumentException("kind must be a kind of the contract");
      }
      this.contentType = Objects.requireNonNull(contentType, "contentType");
    }

    /**
     * @param fileName the original file name, without a path; {@code null} for none
     * @return this
     */
    public Builder fileName(@Nullable String fileName) {
      this.fileName = fileName;
      return this;
    }

    /**
     * @param projectId the works project, or {@code null}
     * @return this
     */
    public Builder projectId(@Nullable String projectId) {
      this.projectId = projectId;
      return this;
    }

    /**
     * @param chunkSize octets per PATCH, 1 to 16 MiB (default 8 MiB)
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder chunkSize(int chunkSize) {
      if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
        throw new IllegalArgumentException("chunkSize must be 1.." + MAX_CHUNK_SIZE);
      }
      this.chunkSize = chunkSize;
      return this;
    }

    /**
     * @param progressListener told the progress; {@code null} for none
     * @return this
     */
    public Builder progressListener(@Nullable UploadProgressListener progressListener) {
      this.progressListener = progressListener == null ? UploadProgressListener.NONE : progressListener;
      return this;
    }

    /**
     * @param stateStore where unfinished uploads are remembered across restarts; {@code null} for none
     * @return this
     */
    public Builder stateStore(@Nullable UploadStateStore stateStore) {
      this.stateStore = stateStore;
      return this;
    }

    /** @return the options */
    public UploadOptions build() {
      return new UploadOptions(this);
    }
  }
}
