package org.capillary.conformance.sandbox;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capillary.spec.contract.Contract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract's signing vectors (spec/vectors/signing), read from the spec jar. */
final class SigningVectors {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SigningVectors() {}

  static JsonNode read(String relative) {
    try (InputStream in = Contract.resource("vectors/signing/" + relative)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> caseIds() {
    List<String> ids = new ArrayList<>();
    read("index.json").path("vectors").forEach(v -> ids.add(v.path("id").asString()));
    return ids;
  }

  /** The registry's active keys (of every connector) as one JWK Set: a kid alone names its key. */
  static JWKSet activeKeys() {
    List<JWK> keys = new ArrayList<>();
    for (JsonNode k : read("keys/registry.json").path("keys")) {
      if ("ACTIVE".equals(k.path("status").asString())) {
        try {
          keys.add(JWK.parse(read("keys/" + k.path("publicJwk").asString()).toString()));
        } catch (ParseException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return new JWKSet(keys);
  }

  static Map<String, List<String>> headers(JsonNode request) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    request.path("headers").properties().forEach(e -> out.put(e.getKey(), List.of(e.getValue().asString())));
    return out;
  }

  static byte[] body(JsonNode request) {
    return Base64.getDecoder().decode(request.path("bodyBase64").asString(""));
  }
}
