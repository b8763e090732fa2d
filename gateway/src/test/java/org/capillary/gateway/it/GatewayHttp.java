package org.capillary.gateway.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.capillary.gateway.support.TestSigner;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A connector's HTTP client for a gateway running as a process: {@link java.net.http.HttpClient}
 * (HTTP/1.1, keep-alive) with requests signed by {@link TestSigner} as spec/SIGNING.md says. Thread
 * safe; one instance per gateway.
 */
final class GatewayHttp {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A response as received. */
  record Response(int status, HttpHeaders headers, byte[] body) {

    /** The body as JSON. */
    JsonNode json() {
      return JSON.readTree(body.length == 0 ? "null".getBytes(StandardCharsets.UTF_8) : body);
    }

    /** The body as text. */
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** A header's first value, or null. */
    @Nullable String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The problem code of an error response. */
    String code() {
      return json().path("code").asString("");
    }

    @Override
    public String toString() {
      return status + " " + text();
    }
  }

  private final HttpClient client;
  private final URI base;

  GatewayHttp(GatewayProcess gateway) {
    this(gateway.baseUri());
  }

  GatewayHttp(URI base) {
    this.base = base;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
  }

  /**
   * Sends a write signed now with a fresh jti.
   *
   * @return the response
   * @throws IOException when no response arrived (connection refused or reset, timeout)
   */
  Response write(TestSigner signer, String method, String path, String contentType, byte[] body, String idempotencyKey)
      throws IOException {
    return send(method, path, contentType, body, idempotencyKey, signer.sign(method, path, body, idempotencyKey));
  }

  /** {@link #write} for callers that expect an answer: an IOException fails the test. */
  Response writeOrFail(TestSigner signer, String method, String path, String contentType, byte[] body, String idempotencyKey) {
    try {
      return write(signer, method, path, contentType, body, idempotencyKey);
    } catch (IOException e) {
      throw new UncheckedIOException("no response from " + base + " to " + method + " " + path, e);
    }
  }

  /**
   * Sends a write with a given signature header (to send the very same signed request twice).
   *
   * @return the response
   * @throws IOException when no response arrived
   */
  Response send(String method, String path, String contentType, byte[] body, String idempotencyKey, String signature)
      throws IOException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(15))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", contentType)
        .header("Idempotency-Key", idempotencyKey)
        .header("Capillary-Signature", signature)
        .build();
    return exchange(request);
  }

  /** A signed GET; an IOException fails the test. */
  Response get(TestSigner signer, String path) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(15))
        .header("Capillary-Signature", signer.sign("GET", path, new byte[0], null))
        .GET()
        .build();
    try {
      return exchange(request);
    } catch (IOException e) {
      throw new UncheckedIOException("no response from " + base + " to GET " + path, e);
    }
  }

  /** An unsigned GET (public endpoints: JWKS, actuator); an IOException fails the test. */
  Response getPublic(String path) {
    try {
      return exchange(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15)).GET().build());
    } catch (IOException e) {
      throw new UncheckedIOException("no response from " + base + " to GET " + path, e);
    }
  }

  private Response exchange(HttpRequest request) throws IOException {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
