package org.capillary.spec;

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
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Test access to the packaged contract files (as they are on the class path, i.e. as shipped). */
public final class SpecFiles {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  public static final YAMLMapper YAML = YAMLMapper.builder().build();

  private SpecFiles() {}

  /** The spec root folder on the test class path. */
  public static Path root() {
    URL url = SpecFiles.class.getClassLoader().getResource("capillary/spec/openapi.yaml");
    if (url == null) {
      throw new IllegalStateException("capillary/spec/openapi.yaml is not on the class path");
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode readYaml(String relative) {
    try {
      return YAML.readTree(Files.readAllBytes(root().resolve(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Path> list(String relativeDir, String suffix) {
    Path dir = root().resolve(relativeDir);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
