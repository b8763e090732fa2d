package org.capillary.spec.signing;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Encodings of spec/SIGNING.md and the reading and writing of spec/vectors/signing. */
final class SigningVectorSupport {

  /** Rejects duplicate member names (SIGNING.md §4: I-JSON, no duplicates). */
  static final JsonMapper STRICT_JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final ObjectWriter PRETTY =
      STRICT_JSON
          .writer()
          .with(
              new DefaultPrettyPrinter()
                  .withSeparators(
                      Separators.createDefaultInstance()
                          .withObjectNameValueSpacing(Separators.Spacing.AFTER)));

  private SigningVectorSupport() {}

  /** BASE64URL of RFC 7515 §2: URL-safe alphabet, no padding. Zero bytes give "". */
  static String b64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] b64urlDecode(String s) {
    if (s.indexOf('=') >= 0 || s.length() % 4 == 1) {
      throw new IllegalArgumentException("not unpadded base64url");
    }
    return Base64.getUrlDecoder().decode(s);
  }

  /** Standard base64 with padding (RFC 4648 §4), as used inside RFC 9530 byte sequences. */
  static String b64std(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The RFC 9530 Content-Digest field value of a body, as carried in cdg. */
  static String contentDigest(byte[] body) {
    return "sha-256=:" + b64std(sha256(body)) + ":";
  }

  static String signingInput(String protectedHeaderB64, byte[] body) {
    return protectedHeaderB64 + "." + b64url(body);
  }

  static byte[] hex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  static String toHex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }

  static String pretty(JsonNode node) {
    return PRETTY.writeValueAsString(node) + "\n";
  }

  static JsonNode readJson(Path file) {
    try {
      return STRICT_JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeJson(Path file, JsonNode node) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, pretty(node), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory spec/vectors/signing, from the module directory (Maven's basedir) or above. */
  static Path vectorsDir() {
    String basedir = System.getProperty("basedir", ".");
    for (Path candidate :
        new Path[] {
          Path.of(basedir, "vectors", "signing"), Path.of(basedir, "spec", "vectors", "signing")
        }) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("spec/vectors/signing not found from " + basedir);
  }

  static JWK readJwk(Path file) {
    try {
      return JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
  }

  /** keys/registry.json as the verifier's key registry: kid → key, connector, status. */
  static Map<String, ReferenceVerifier.RegisteredKey> readRegistry(Path dir) {
    JsonNode reg = readJson(dir.resolve("keys/registry.json"));
    Map<String, ReferenceVerifier.RegisteredKey> out = new LinkedHashMap<>();
    for (JsonNode k : reg.get("keys")) {
      String kid = k.get("kid").stringValue();
      boolean active =
          "ACTIVE".equals(k.get("status").stringValue())
              && "ACTIVE".equals(k.get("connectorStatus").stringValue());
      JWK jwk = readJwk(dir.resolve("keys").resolve(k.get("publicJwk").stringValue()));
      out.put(
          kid,
          new ReferenceVerifier.RegisteredKey(kid, k.get("connectorId").stringValue(), active, jwk));
    }
    return out;
  }

  /** A vector's "request" member as the verifier's input. */
  static ReferenceVerifier.Request request(JsonNode request) {
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode h = request.get("headers");
    for (String name : h.propertyNames()) {
      headers.put(name, h.get(name).stringValue());
    }
    byte[] body = Base64.getDecoder().decode(request.get("bodyBase64").stringValue());
    return new ReferenceVerifier.Request(
        request.get("method").stringValue(), request.get("path").stringValue(), headers, body);
  }
}
