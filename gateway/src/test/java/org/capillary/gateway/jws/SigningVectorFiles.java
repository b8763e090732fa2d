package org.capillary.gateway.jws;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.connector.ConnectorKey;
import org.capillary.gateway.connector.KeyStatus;
import org.capillary.gateway.connector.Role;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared signing vectors (spec jar: capillary/spec/vectors/signing/) as the gateway's tests read them. */
final class SigningVectorFiles {

  static final String ROOT = "capillary/spec/vectors/signing/";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SigningVectorFiles() {}

  static SignedRequest request(JsonNode r) {
    Map<String, String> headers = new HashMap<>();
    r.get("headers").properties().forEach(e -> headers.put(e.getKey().toLowerCase(), e.getValue().stringValue()));
    return new SignedRequest(
        r.get("method").stringValue(),
        r.get("path").stringValue(),
        Base64.getDecoder().decode(r.get("bodyBase64").stringValue()),
        headers.get("capillary-signature"),
        headers.get("idempotency-key"),
        headers.get("content-digest"));
  }

  static Map<String, ConnectorKey> registry() {
    JsonNode reg = read("keys/registry.json");
    assertThat(reg).isNotNull();
    Map<String, ConnectorKey> keys = new HashMap<>();
    for (JsonNode k : reg.get("keys")) {
      String connectorId = k.get("connectorId").stringValue();
      Connector connector = new Connector(connectorId, Role.INSURER,
          "ACTIVE".equals(k.get("connectorStatus").stringValue()), "standard", "91440300MA5DTE001K", List.of());
      JWK jwk;
      try {
        jwk = JWK.parse(read("keys/" + k.get("publicJwk").stringValue()).toString());
      } catch (java.text.ParseException e) {
        throw new IllegalStateException(e);
      }
      String kid = k.get("kid").stringValue();
      keys.put(kid, new ConnectorKey(kid, connector, k.get("alg").stringValue(), jwk,
          KeyStatus.valueOf(k.get("status").stringValue()), Instant.EPOCH, null));
    }
    return keys;
  }

  static @Nullable JsonNode read(String relative) {
    try (InputStream in = SigningVectorFiles.class.getClassLoader().getResourceAsStream(ROOT + relative)) {
      if (in != null) {
        return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      Path file = Path.of(System.getProperty("basedir", "."), "..", "spec", "vectors", "signing", relative);
      return Files.exists(file) ? JSON.readTree(Files.readString(file)) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }}
