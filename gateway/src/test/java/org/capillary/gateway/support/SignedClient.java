package org.capillary.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A connector talking to a gateway under test: every request signed per spec/SIGNING.md. */
public final class SignedClient {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final WebTestClient client;
  private final TestSigner signer;

  public SignedClient(WebTestClient client, TestSigner signer) {
    this.client = client;
    this.signer = signer;
  }

  public TestSigner signer() {
    return signer;
  }

  /** POSTs (or PATCHes) a JSON body with a fresh idempotency key. */
  public EntityExchangeResult<byte[]> write(String method, String path, String contentType, JsonNode body) {
    return write(method, path, contentType, JSON.writeValueAsBytes(body), UUID.randomUUID().toString());
  }

  /** Sends exact body bytes with the given idempotency key. */
  public EntityExchangeResult<byte[]> write(String method, String path, String contentType, byte[] body, String idempotencyKey) {
    String signature = signer.sign(method, path, body, idempotencyKey);
    return client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
        .header("Content-Type", contentType)
        .header("Idempotency-Key", idempotencyKey)
        .header("Capillary-Signature", signature)
        .bodyValue(body)
        .exchange()
        .expectBody()
        .returnResult();
  }

  /** A signed GET. */
  public EntityExchangeResult<byte[]> get(String path) {
    return client.get().uri(path)
        .header("Capillary-Signature", signer.sign("GET", path, new byte[0], null))
        .exchange()
        .expectBody()
        .returnResult();
  }

  /** The body of a result as JSON. */
  public static JsonNode json(EntityExchangeResult<byte[]> result) {
    byte[] body = result.getResponseBody();
    return JSON.readTree(body == null ? "null".getBytes(StandardCharsets.UTF_8) : body);
  }

  /** The body as text, for assertion messages. */
  public static String text(@Nullable EntityExchangeResult<byte[]> result) {
    byte[] body = result == null ? null : result.getResponseBody();
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }
}
