package org.capillary.gateway.media;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/**
 * Content-addressed storage of complete media: an item's bytes are found by their SHA-256, so the
 * same content uploaded twice is stored once and what is read is, by construction, what the
 * digest names. The embedded default is {@link FolderMediaStore}; an object store (S3, OSS, MinIO)
 * can implement this interface instead. Implementations are thread-safe and blocking: callers run
 * them off the event loop.
 */
public interface MediaStore {

  /**
   * Moves a verified file into the store under its digest. The file's content must already have
   * been checked to hash to {@code sha256}; if the store holds that content already, the file is
   * simply deleted. Atomic: a reader never sees a partial object.
   *
   * @param sha256 the content's SHA-256, 64 lower-case hex digits
   * @param verifiedFile the file to take over (it no longer exists afterwards)
   * @throws IOException if it cannot be stored
   */
  void put(String sha256, Path verifiedFile) throws IOException;

  /**
   * @param sha256 a digest
   * @return whether the store holds that content
   */
  boolean contains(String sha256);

  /**
   * Opens the content for reading, positioned anywhere the caller likes (for HTTP ranges).
   *
   * @param sha256 a digest the store holds
   * @return a readable channel; the caller closes it
   * @throws IOException if it cannot be opened (e.g. not held)
   */
  SeekableByteChannel open(String sha256) throws IOException;
}
