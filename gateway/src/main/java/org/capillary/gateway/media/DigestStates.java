package org.capillary.gateway.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.capillary.gateway.error.ProblemException;

/**
 * The running SHA-256 of each upload in progress, so that completing an upload does not re-read
 * the whole file. The JDK cannot serialise a SHA-256 state, so it lives in memory only, tagged with
 * the offset it covers; when it is missing or covers another offset (a restart of the gateway,
 * another replica appended the last chunk, the state was evicted) it is recomputed from the part
 * file, which holds exactly the durable bytes (the database offset is the truth). Thread-safe;
 * callers hold the upload's row lock while they use a state, so one upload never has two writers.
 */
final class DigestStates {

  private record State(long offset, MessageDigest digest) {}

  private final ConcurrentMap<String, State> states = new ConcurrentHashMap<>();

  /**
   * A digest of the first {@code offset} bytes of an upload, for the caller to continue (a copy:
   * the stored state changes only through {@link #put}).
   *
   * @param uploadId the upload
   * @param offset its durable offset
   * @param partFile its part file
   * @return a digest covering bytes [0, offset)
   * @throws IOException if the part file cannot be read
   * @throws ProblemException UPLOAD_EXPIRED if the part file lost bytes the database counts
   */
  MessageDigest at(String uploadId, long offset, Path partFile) throws IOException {
    State s = states.get(uploadId);
    if (s != null && s.offset() == offset) {
      try {
        return (MessageDigest) s.digest().clone();
      } catch (CloneNotSupportedException e) {
        // not for the JDK's SHA-256; recompute below
      }
    }
    MessageDigest md = sha256();
    if (offset == 0) {
      return md;
    }
    try (FileChannel in = FileChannel.open(partFile, StandardOpenOption.READ)) {
      if (in.size() < offset) {
        throw lost();
      }
      ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
      long remaining = offset;
      while (remaining > 0) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
        int n = in.read(buffer);
        if (n < 0) {
          throw lost();
        }
        buffer.flip();
        md.update(buffer);
        remaining -= n;
      }
    } catch (NoSuchFileException e) {
      throw lost();
    }
    return md;
  }

  /** Records the digest of the first {@code offset} bytes (after the chunk was committed). */
  void put(String uploadId, long offset, MessageDigest digest) {
    states.put(uploadId, new State(offset, digest));
  }

  /** Forgets an upload (completed, terminated or expired). */
  void remove(String uploadId) {
    states.remove(uploadId);
  }

  /** How many states are held. */
  int size() {
    return states.size();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ProblemException lost() {
    return new ProblemException("UPLOAD_EXPIRED",
        "the bytes received so far are no longer held; declare the upload again");
  }

  static boolean exists(Path file) {
    return Files.exists(file);
  }
}
