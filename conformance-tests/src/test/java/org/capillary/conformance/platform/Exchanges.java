package org.capillary.conformance.platform;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Synthetic exchanges for check tests. */
final class Exchanges {

  private Exchanges() {}

  static Exchange of(String label, int status, String body, String... headers) {
    Map<String, List<String>> response = new LinkedHashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      response.put(headers[i], List.of(headers[i + 1]));
    }
    return new Exchange(label, "POST", "/v1/policies", Map.of("X-Request-Id", "req-1"), new byte[0], status, response,
        body.getBytes(StandardCharsets.UTF_8), null);
  }

  static Exchange problem(String label, int status, String code) {
    String type = "https://capillary.dev/problems/" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return of(label, status, "{\"type\":\"" + type + "\",\"title\":\"t\",\"status\":" + status + ",\"code\":\"" + code
        + "\",\"requestId\":\"req-1\"}", "Content-Type", "application/problem+json", "X-Request-Id", "req-1");
  }
}
