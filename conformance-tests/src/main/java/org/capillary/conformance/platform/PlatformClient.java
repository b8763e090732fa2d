package org.capillary.conformance.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.capillary.conformance.plan.Transcript;
import org.capillary.sdk.auth.SignedRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends requests to the gateway under test and records every exchange in the transcript. Signed
 * requests are signed per attempt with the connector's key (SDK signer); a 429 on a signed request
 * is retried after its {@code Retry-After} (at most 5 s, 3 times, same Idempotency-Key) unless the
 * client was made with {@link #withoutRateLimitRetries()}, so that a busy gateway does not fail
 * checks that are not about rate limits.
 */
public final class PlatformClient {

  private static final int RECORDED_BODY_LIMIT = 4096;

  private final URI baseUrl;
  private final HttpClient http;
  private final Duration timeout;
  private final Transcript transcript;
  private final boolean retryRateLimited;

  private PlatformClient(URI baseUrl, HttpClient http, Duration timeout, Transcript transcript, boolean retryRateLimited) {
    this.baseUrl = baseUrl;
    this.http = http;
    this.timeout = timeout;
    this.transcript = transcript;
    this.retryRateLimited = retryRateLimited;
  }

  /**
   * A client for a gateway.
   *
   * @param baseUrl e.g. {@code http://127.0.0.1:8080}
   * @param timeout how long one exchange may take
   * @param transcript where exchanges are recorded
   * @return the client
   */
  public static PlatformClient create(URI baseUrl, Duration timeout, Transcript transcript) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    return new PlatformClient(baseUrl, http, timeout, transcript, true);
  }

  /** The same client, without retries of rate-limited requests (for the rate-limit scenario). */
  public PlatformClient withoutRateLimitRetries() {
    return new PlatformClient(baseUrl, http, timeout, transcript, false);
  }

  /** The gateway's base URL. */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Sends a write signed by a connector, with the given Idempotency-Key.
   *
   * @param label what the request is for
   * @param connector the signer
   * @param method the method
   * @param target path and query
   * @param contentType the Content-Type, or {@code null}
   * @param body the body octets
   * @param idempotencyKey the key
   * @param extra further headers
   * @return the exchange
   */
  public Exchange write(String label, PlatformConnector connector, String method, String target, @Nullable String contentType,
      byte[] body, String idempotencyKey, Map<String, String> extra) {
    for (int attempt = 1; ; attempt++) {
      SignedRequest signed = connector.signer().sign(method, target, body, idempotencyKey);
      Map<String, String> headers = new LinkedHashMap<>(extra);
      headers.put("Capillary-Signature", signed.headerValue());
      headers.put("Idempotency-Key", idempotencyKey);
      if (contentType != null) {
        headers.put("Content-Type", contentType);
      }
      Exchange exchange = send(label, method, target, headers, body);
      if (!rateLimitedRetry(exchange, attempt)) {
        return exchange;
      }
    }
  }

  /**
   * Sends a write with a fresh Idempotency-Key.
   *
   * @param label what the request is for
   * @param connector the signer
   * @param method the method
   * @param target path and query
   * @param contentType the Content-Type
   * @param body the body octets
   * @return the exchange
   */
  public Exchange write(String label, PlatformConnector connector, String method, String target, String contentType, byte[] body) {
    return write(label, connector, method, target, contentType, body, "cc-" + UUID.randomUUID(), Map.of());
  }

  /**
   * Sends a signed read (GET or HEAD).
   *
   * @param label what the request is for
   * @param connector the signer
   * @param method GET or HEAD
   * @param target path and query
   * @param extra further headers
   * @return the exchange
   */
  public Exchange read(String label, PlatformConnector connector, String method, String target, Map<String, String> extra) {
    for (int attempt = 1; ; attempt++) {
      SignedRequest signed = connector.signer().sign(method, target, new byte[0], null);
      Map<String, String> headers = new LinkedHashMap<>(extra);
      headers.put("Capillary-Signature", signed.headerValue());
      Exchange exchange = send(label, method, target, headers, new byte[0]);
      if (!rateLimitedRetry(exchange, attempt)) {
        return exchange;
      }
    }
  }

  private boolean rateLimitedRetry(Exchange exchange, int attempt) {
    if (!retryRateLimited || exchange.status() != 429 || attempt > 3) {
      return false;
    }
    long seconds = exchange.header("Retry-After").map(PlatformClient::seconds).orElse(1L);
    if (seconds > 5) {
      return false;
    }
    try {
      Thread.sleep(Math.max(200, seconds * 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return true;
  }

  private static long seconds(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /**
   * Sends a request exactly as given (X-Request-Id added when absent) and records the exchange.
   *
   * @param label what the request is for
   * @param method the method
   * @param target path and query
   * @param headers the headers
   * @param body the body octets
   * @return the exchange; status 0 with the failure when no response arrived
   */
  public Exchange send(String label, String method, String target, Map<String, String> headers, byte[] body) {
    Map<String, String> sent = new LinkedHashMap<>(headers);
    sent.putIfAbsent("X-Request-Id", "cc-" + UUID.randomUUID());
    HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(target)).timeout(timeout)
        .method(method, body.length == 0 && !method.equals("POST") && !method.equals("PATCH") && !method.equals("PUT")
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    sent.forEach(request::header);
    Exchange exchange;
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      exchange = new Exchange(label, method, target, sent, body, response.statusCode(), response.headers().map(),
          response.body() == null ? new byte[0] : response.body(), null);
    } catch (IOException e) {
      exchange = new Exchange(label, method, target, sent, body, 0, Map.of(), new byte[0], e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    record(exchange);
    return exchange;
  }

  private void record(Exchange e) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode data = nodes.objectNode().put("label", e.label());
    ObjectNode request = data.putObject("request").put("method", e.method()).put("target", e.target());
    ObjectNode headers = request.putObject("headers");
    e.requestHeaders().forEach((k, v) -> headers.put(k, k.equals("Capillary-Signature") ? protectedHeader(v) : v));
    request.put("bodyLength", e.requestBody().length).put("bodySha256", sha256Hex(e.requestBody()));
    if (e.requestBody().length <= RECORDED_BODY_LIMIT) {
      request.put("body", new String(e.requestBody(), StandardCharsets.UTF_8));
    }
    ObjectNode response = data.putObject("response").put("status", e.status());
    if (e.failure() != null) {
      response.put("failure", e.failure());
    }
    ObjectNode rh = response.putObject("headers");
    e.responseHeaders().forEach((k, v) -> rh.put(k, String.join(", ", v)));
    response.put("body", e.bodyText(RECORDED_BODY_LIMIT));
    transcript.record("exchange", data);
  }

  /** A signature is recorded by its decoded protected header: enough to audit, useless to replay. */
  private static String protectedHeader(String value) {
    int dot = value.indexOf('.');
    try {
      return "header " + new String(Base64.getUrlDecoder().decode(dot < 0 ? value : value.substring(0, dot)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException ex) {
      return "(not base64url) " + (value.length() > 64 ? value.substring(0, 64) + "…" : value);
    }
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
