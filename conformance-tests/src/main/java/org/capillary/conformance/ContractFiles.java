package org.capillary.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.capillary.spec.contract.Contract;

/**
 * The published contract's files on the class path ({@code capillary/spec/...} of the spec jar),
 * listed and read whether the jar is a folder (in the build) or a jar (the packaged suite).
 */
public final class ContractFiles {

  private ContractFiles() {}

  /**
   * Lists the regular files below a folder of the contract.
   *
   * @param folder a folder below the spec root, e.g. {@code schemas} or {@code examples}
   * @return their paths relative to the spec root ({@code schemas/common.json}), sorted
   * @throws IllegalStateException if the folder is not on the class path
   */
  public static List<String> list(String folder) {
    URL url = ContractFiles.class.getClassLoader().getResource(Contract.RESOURCE_ROOT + folder);
    if (url == null) {
      throw new IllegalStateException("not in the contract: " + folder);
    }
    Path root = path(url);
    Path specRoot = root;
    for (String ignored : folder.split("/")) {
      specRoot = specRoot.getParent();
    }
    Path base = specRoot;
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .map(p -> base.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a file of the contract.
   *
   * @param relativePath below the spec root
   * @return its octets
   */
  public static byte[] read(String relativePath) {
    try (InputStream in = Contract.resource(relativePath)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path path(URL url) {
    try {
      URI uri = url.toURI();
      if ("file".equals(uri.getScheme())) {
        return Path.of(uri);
      }
      FileSystem fs;
      try {
        fs = FileSystems.newFileSystem(uri, Map.of());
      } catch (FileSystemAlreadyExistsException e) {
        fs = FileSystems.getFileSystem(uri);
      }
      return fs.provider().getPath(uri);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
