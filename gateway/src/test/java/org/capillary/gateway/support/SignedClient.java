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

  /**
   * Sends exact body bytes with the given idempotency key. Requests to {@code /v1/uploads} also
   * carry {@code Tus-Resumable: 1.0.0}, as tus requires of every upload request.
   */
  public EntityExchangeResult<byte[]> write(String method, String path, String contentType, byte[] body, String idempotencyKey) {
    return send(method, path, contentType, body, idempotencyKey,
        path.startsWith("/v1/uploads") ? java.util.Map.of("Tus-Resumable", "1.0.0") : java.util.Map.of());
  }

  /**
   * Sends a signed request with extra (unsigned) header fields, e.g. a tus PATCH with
   * Upload-Offset and Upload-Checksum, a HEAD or a DELETE.
   *
   * @param method the method
   * @param path the path and query as sent
   * @param contentType the Content-Type, or null for none
   * @param body the exact body bytes (empty for none; not sent at all on GET and HEAD)
   * @param idempotencyKey the key on writes, null on reads
   * @param headers further header fields
   * @return the exchange
   */
  public EntityExchangeResult<byte[]> send(String method, String path, @Nullable String contentType, byte[] body,
      @Nullable String idempotencyKey, java.util.Map<String, String> headers) {
    String signature = signer.sign(method, path, body, idempotencyKey);
    WebTestClient.RequestBodySpec spec = client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
        .header("Capillary-Signature", signature);
    if (contentType != null) {
      spec.header("Content-Type", contentType);
    }
    if (idempotencyKey != null) {
      spec.header("Idempotency-Key", idempotencyKey);
    }
    headers.forEach(spec::header);
    WebTestClient.RequestHeadersSpec<?> ready =
        method.equals("GET") || method.equals("HEAD") || (body.length == 0 && contentType == null) ? spec : spec.bodyValue(body);
    return ready.exchange().expectBody().returnResult();
  }

  /** A signed GET. */
  public EntityExchangeResult<byte[]> get(String path) {
    return client.get().uri(path)
        .header("Capillary-Signature", signer.sign("GET", path, new byte[0], null))
        .exchange()
        .expectBody()
        .returnResult();
  }

  /** A signed GET with an Accept header (e.g. text/csv). */
  public EntityExchangeResult<byte[]> get(String path, String accept) {
    return client.get().uri(path)
        .header("Accept", accept)
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
