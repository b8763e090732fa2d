package org.capillary.conformance.pact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Pact file, version 3 or 4 ({@code metadata.pactSpecification.version}): its consumer, provider
 * and HTTP interactions. Version 4 bodies ({@code {content, contentType, encoded}}) and header
 * arrays are read as version 3's; non-HTTP interactions of version 4 are listed in {@link #skipped()}.
 *
 * @param consumer the consumer's name
 * @param provider the provider's name
 * @param specification the Pact specification version
 * @param interactions the HTTP interactions
 * @param skipped descriptions of interactions that are not synchronous HTTP
 */
public record PactFile(String consumer, String provider, String specification, List<PactInteraction> interactions,
    List<String> skipped) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Copies. */
  public PactFile {
    interactions = List.copyOf(interactions);
    skipped = List.copyOf(skipped);
  }

  /**
   * Reads a Pact file.
   *
   * @param file the file
   * @return the pact
   * @throws IllegalArgumentException if it is not JSON or not a Pact v3/v4 file
   * @throws UncheckedIOException if it cannot be read
   */
  public static PactFile read(Path file) {
    try {
      return parse(JSON.readTree(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage(), null);
    }
  }

  /**
   * Reads a parsed Pact document.
   *
   * @param pact the document
   * @return the pact
   * @throws IllegalArgumentException if it is not a Pact v3/v4 document
   */
  public static PactFile parse(JsonNode pact) {
    String version = pact.path("metadata").path("pactSpecification").path("version").asString("");
    if (!version.startsWith("3.") && !version.startsWith("4.")) {
      throw new IllegalArgumentException("not a Pact v3 or v4 file (pactSpecification " + (version.isEmpty() ? "absent" : version) + ")");
    }
    if (!pact.path("interactions").isArray()) {
      throw new IllegalArgumentException("the Pact file has no interactions array");
    }
    List<PactInteraction> interactions = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (JsonNode i : pact.path("interactions")) {
      String description = i.path("description").asString("");
      String type = i.path("type").asString("Synchronous/HTTP");
      if (!type.equals("Synchronous/HTTP")) {
        skipped.add(description + " (" + type + ")");
        continue;
      }
      JsonNode request = i.path("request");
      JsonNode response = i.path("response");
      interactions.add(new PactInteraction(description, request.path("method").asString("").toUpperCase(Locale.ROOT),
          request.path("path").asString(""), headers(request.path("headers")), body(request.get("body")),
          response.path("status").asInt(0), headers(response.path("headers")), body(response.get("body"))));
    }
    return new PactFile(pact.path("consumer").path("name").asString(""), pact.path("provider").path("name").asString(""),
        version, interactions, skipped);
  }

  private static Map<String, String> headers(JsonNode headers) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String name : headers.propertyNames()) {
      JsonNode value = headers.get(name);
      map.put(name, value.isArray() ? (value.isEmpty() ? "" : value.get(0).asString("")) : value.asString(""));
    }
    return map;
  }

  private static @Nullable JsonNode body(@Nullable JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return null;
    }
    // v4: {"content": ..., "contentType": ..., "encoded": false}
    if (body.isObject() && body.has("content") && body.has("contentType")) {
      JsonNode content = body.get("content");
      if (content.isString() && !body.path("encoded").asBoolean(false)) {
        try {
          return JSON.readTree(content.stringValue());
        } catch (JacksonException e) {
          return content;
        }
      }
      return content;
    }
    return body;
  }
}
