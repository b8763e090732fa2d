package org.capillary.sdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The contract's files: vectors from the capillary-spec jar, example folders from the unpacked copy. */
public final class Vectors {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Vectors() {
  }

  public static String text(String relative) {
    try (InputStream in = Vectors.class.getClassLoader().getResourceAsStream("capillary/spec/" + relative)) {
      if (in == null) {
        throw new IllegalArgumentException("not on the class path: capillary/spec/" + relative);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String relative) {
    try {
      return MAPPER.readTree(text(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode signingCase(String id) {
    return json("vectors/signing/cases/" + id + ".json");
  }

  /** Every case id listed in vectors/signing/index.json. */
  public static List<String> signingCaseIds() {
    JsonNode index = json("vectors/signing/index.json");
    JsonNode list = index.has("vectors") ? index.get("vectors") : index.get("cases");
    return Stream.of(list).flatMap(n -> {
      java.util.List<String> ids = new java.util.ArrayList<>();
      n.forEach(v -> ids.add(v.isTextual() ? v.asText() : v.get("id").asText()));
      return ids.stream();
    }).toList();
  }

  /** The unpacked spec directory (surefire passes it), for listing the example folders. */
  public static Path specDirectory() {
    String dir = System.getProperty("capillary.spec.dir");
    if (dir == null) {
      throw new IllegalStateException("system property capillary.spec.dir not set (surefire configuration)");
    }
    return Path.of(dir);
  }

  public static List<Path> examples(String operationId) {
    try (Stream<Path> s = Files.list(specDirectory().resolve("examples").resolve(operationId))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
