package org.capillary.conformance.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request and the response it got.
 *
 * @param label what the request was for, e.g. {@code registerPolicy/valid-minimal}
 * @param method the method
 * @param target the request target (path and query)
 * @param requestHeaders the headers sent
 * @param requestBody the body sent
 * @param status the response status, or 0 when no response arrived
 * @param responseHeaders the response headers (names lower case)
 * @param responseBody the response body
 * @param failure why no response arrived, or {@code null}
 */
public record Exchange(String label, String method, String target, Map<String, String> requestHeaders, byte[] requestBody,
    int status, Map<String, List<String>> responseHeaders, byte[] responseBody, @Nullable String failure) {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Copies (header names of the response lower-cased). */
  public Exchange {
    requestHeaders = Map.copyOf(requestHeaders);
    TreeMap<String, List<String>> lower = new TreeMap<>();
    responseHeaders.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
    responseHeaders = java.util.Collections.unmodifiableMap(lower);
  }

  /** The first value of a response header. */
  public Optional<String> header(String name) {
    List<String> values = responseHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The response body as JSON, or a missing node if it is not JSON. */
  public JsonNode json() {
    try {
      return responseBody.length == 0 ? JSON.missingNode() : JSON.readTree(responseBody);
    } catch (JacksonException e) {
      return JSON.missingNode();
    }
  }

  /** The problem {@code code} of the response, or empty. */
  public String code() {
    return json().path("code").asString("");
  }

  /** A one-line account for evidence: label, request, status, code. */
  public String brief() {
    String code = code();
    return label + ": " + method + " " + target + " -> " + (failure != null ? "no response (" + failure + ")" : status
        + (code.isEmpty() ? "" : " " + code) + header("x-request-id").map(id -> " [request " + id + "]").orElse(""));
  }

  /** The response body as text (for evidence), shortened. */
  public String bodyText(int max) {
    String text = new String(responseBody, StandardCharsets.UTF_8);
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
