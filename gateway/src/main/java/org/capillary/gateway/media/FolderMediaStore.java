package org.capillary.gateway.media;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * {@link MediaStore} in a folder: {@code <root>/ab/cd/abcd…} (two levels of the digest's first hex
 * pairs, so no folder grows past 65,536 entries per level). Files are moved in with an atomic
 * rename, so they must be on the same file system as the uploads in progress (they are: both live
 * under the media root). Objects are read-only once stored and never rewritten.
 */
public final class FolderMediaStore implements MediaStore {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path root;

  /**
   * @param root the store's folder; created if absent
   * @throws IOException if it cannot be created
   */
  public FolderMediaStore(Path root) throws IOException {
    this.root = Files.createDirectories(root);
  }

  /** Where the content of a digest lives. */
  Path pathOf(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  @Override
  public void put(String sha256, Path verifiedFile) throws IOException {
    Path target = pathOf(sha256);
    if (Files.exists(target)) {
      Files.deleteIfExists(verifiedFile); // same content, stored already
      return;
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(verifiedFile, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(verifiedFile); // a concurrent upload of the same content won
    } catch (AtomicMoveNotSupportedException e) {
      // Another file system after all: copy to a temporary name beside the target, then rename.
      Path temp = target.resolveSibling(sha256 + ".incoming-" + System.nanoTime());
      Files.copy(verifiedFile, temp);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(verifiedFile);
    }
  }

  @Override
  public boolean contains(String sha256) {
    return Files.isRegularFile(pathOf(sha256));
  }

  @Override
  public SeekableByteChannel open(String sha256) throws IOException {
    return Files.newByteChannel(pathOf(sha256), StandardOpenOption.READ);
  }
}
