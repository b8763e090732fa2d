package org.capillary.gateway.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import org.capillary.gateway.jws.StreamedBody;

/**
 * A PATCH body as {@link ChunkSpoolFilter} wrote it to disk, with the SHA-256 computed while it
 * streamed in.
 *
 * @param file the spool file (deleted when the exchange ends)
 * @param length the number of octets
 * @param sha256 their SHA-256
 */
record SpooledChunk(Path file, long length, byte[] sha256) implements StreamedBody {

  @Override
  public String contentDigest() {
    return "sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":";
  }

  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  /** The digest as lower-case hex. */
  String sha256Hex() {
    return HexFormat.of().formatHex(sha256);
  }
}
