package org.capillary.sdk.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An {@link UploadStateStore} keeping one properties file per unfinished upload in a folder
 * ({@code <key>.upload}), written to a temporary file and moved into place so that a crash never
 * leaves a torn state. The folder is created when missing. Thread-safe; several processes may share
 * the folder as long as they do not upload the same content at the same time.
 */
public final class FileUploadStateStore implements UploadStateStore {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
  private static final String SUFFIX = ".upload";

  private final Path dir;

  /**
   * @param dir the folder of the state files
   */
  public FileUploadStateStore(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** @return the folder of the state files */
  public Path directory() {
    return dir;
  }

  private Path file(String key) {
    if (!KEY.matcher(Objects.requireNonNull(key, "key")).matches()) {
      throw new IllegalArgumentException("not a usable upload key: " + key);
    }
    return dir.resolve(key + SUFFIX);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A file that cannot be read as a state (e.g. edited by hand) counts as no state.
   */
  @Override
  public @Nullable UploadState load(String key) {
    Path file = file(key);
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (NoSuchFileException none) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try {
      return new UploadState(key, Objects.requireNonNull(p.getProperty("uploadId")),
          Long.parseLong(Objects.requireNonNull(p.getProperty("offset"))),
          Objects.requireNonNull(p.getProperty("sha256")), Long.parseLong(Objects.requireNonNull(p.getProperty("length"))),
          p.getProperty("sourcePath"));
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  @Override
  public void save(UploadState state) {
    Path file = file(state.key());
    Properties p = new Properties();
    p.setProperty("uploadId", state.uploadId());
    p.setProperty("offset", Long.toString(state.offset()));
    p.setProperty("sha256", state.sha256());
    p.setProperty("length", Long.toString(state.length()));
    if (state.sourcePath() != null) {
      p.setProperty("sourcePath", state.sourcePath());
    }
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, state.key(), ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(tmp)) {
          p.store(out, "capillary upload state");
        }
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public void delete(String key) {
    Path file = file(key);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  @Override
  public String toString() {
    return "FileUploadStateStore[" + dir + "]";
  }
}
