package org.capillary.conformance.pact;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP interaction of a Pact file.
 *
 * @param description the interaction's description
 * @param method the request method, upper case
 * @param path the request path (without query)
 * @param requestHeaders the request headers (names lower case, first value)
 * @param requestBody the request body, or {@code null} when absent
 * @param status the response status
 * @param responseHeaders the response headers (names lower case, first value)
 * @param responseBody the response body, or {@code null} when absent
 */
public record PactInteraction(String description, String method, String path, Map<String, String> requestHeaders,
    @Nullable JsonNode requestBody, int status, Map<String, String> responseHeaders, @Nullable JsonNode responseBody) {

  /** Copies, lower-casing header names. */
  public PactInteraction {
    requestHeaders = lower(requestHeaders);
    responseHeaders = lower(responseHeaders);
  }

  private static Map<String, String> lower(Map<String, String> headers) {
    TreeMap<String, String> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return java.util.Collections.unmodifiableMap(lower);
  }

  /** A request header. */
  public Optional<String> requestHeader(String name) {
    return Optional.ofNullable(requestHeaders.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The response media type without parameters, if given. */
  public Optional<String> responseMediaType() {
    String type = responseHeaders.get("content-type");
    return type == null ? Optional.empty() : Optional.of(type.split(";")[0].strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return "'" + description + "' (" + method + " " + path + " -> " + status + ")";
  }
}
