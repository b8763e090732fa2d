package org.capillary.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared example payloads of the contract (spec jar: capillary/spec/examples/&lt;operationId&gt;/). */
public final class SpecExamples {

  /** One example file. */
  public record Example(String operationId, String name, boolean valid, JsonNode body, JsonNode expect) {
    @Override
    public String toString() {
      return operationId + "/" + name;
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SpecExamples() {}

  private static volatile List<Example> cache;

  /** Every example of the contract (parsed once; callers must copy a body before changing it). */
  public static List<Example> all() {
    List<Example> examples = cache;
    if (examples == null) {
      examples = load();
      cache = examples;
    }
    return examples;
  }

  private static List<Example> load() {
    Path root = root();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().map(SpecExamples::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The examples of one operation. */
  public static List<Example> of(String operationId) {
    return all().stream().filter(e -> e.operationId().equals(operationId)).toList();
  }

  /** The first valid example of an operation, as a fresh mutable tree. */
  public static JsonNode firstValid(String operationId) {
    return of(operationId).stream().filter(Example::valid).findFirst().orElseThrow().body().deepCopy();
  }

  private static Example read(Path file) {
    try {
      JsonNode doc = JSON.readTree(Files.readAllBytes(file));
      return new Example(file.getParent().getFileName().toString(), file.getFileName().toString().replace(".json", ""),
          doc.path("valid").asBoolean(false), doc.get("body"), doc.path("expect"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    URL url = SpecExamples.class.getClassLoader().getResource("capillary/spec/examples");
    if (url == null) {
      throw new IllegalStateException("the spec jar's examples are not on the class path");
    }
    if (!"file".equals(url.getProtocol())) {
      try {
        java.nio.file.FileSystem fs;
        try {
          fs = java.nio.file.FileSystems.newFileSystem(url.toURI(), java.util.Map.of());
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
          fs = java.nio.file.FileSystems.getFileSystem(url.toURI());
        }
        return fs.provider().getPath(url.toURI());
      } catch (IOException | URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
