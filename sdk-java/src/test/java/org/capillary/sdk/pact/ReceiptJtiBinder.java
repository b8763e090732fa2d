package org.capillary.sdk.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.capillary.sdk.testing.Vectors;

/**
 * The one thing a recorded pact cannot do: bind a receipt to the attempt that asked for it.
 *
 * <p>The SDK signs every attempt with a fresh random {@code jti} and accepts only a receipt whose
 * {@code jti} is one of its attempts' (spec/SIGNING.md CAP-SIG-20). A pact mock answers with fixed
 * octets, so its receipt carries a fixed {@code jti}. This {@link HttpClient} (given to the client
 * under test through the public {@code CapillaryClientBuilder.httpClient} hook) passes every
 * request to the pact mock server unchanged, and in a 201 answer re-signs the receipt with the TEST
 * gateway key after replacing its {@code jti} with the one of the request: every other claim
 * ({@code cid}, {@code op}, {@code cdg}, {@code idk}, {@code seq}, {@code sub}, {@code iss}) and
 * every other member of the answer stays exactly as the pact recorded it, so the SDK's full receipt
 * verification still runs against what the pact says.
 */
final class ReceiptJtiBinder extends HttpClient {

  static final String GATEWAY_KEY = "vectors/signing/keys/test-gateway-ed25519-1.private.jwk.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient delegate = HttpClient.newBuilder().followRedirects(Redirect.NEVER).build();

  /** The TEST gateway key of the contract's vectors (Ed25519, deterministic signatures). */
  static OctetKeyPair gatewayKey() {
    try {
      return OctetKeyPair.parse(Vectors.text(GATEWAY_KEY));
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs receipt claims with the TEST gateway key. */
  static String signReceipt(String claimsJson) {
    try {
      OctetKeyPair key = gatewayKey();
      JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(key.getKeyID())
          .type(new JOSEObjectType("capillary-receipt+jws")).build(), new Payload(claimsJson));
      jws.sign(new Ed25519Signer(key));
      return jws.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return bind(request, delegate.send(request, HttpResponse.BodyHandlers.ofByteArray()), handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return delegate.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> {
      try {
        return bind(request, r, handler);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> push) {
    return sendAsync(request, handler);
  }

  private <T> HttpResponse<T> bind(HttpRequest request, HttpResponse<byte[]> response, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    byte[] body = response.body();
    if (response.statusCode() == 201) {
      body = rebind(body, jtiOf(request));
    }
    return new Answer<>(response, convert(response, body, handler));
  }

  private static String jtiOf(HttpRequest request) throws IOException {
    String signature = request.headers().firstValue("Capillary-Signature").orElseThrow();
    byte[] header = Base64.getUrlDecoder().decode(signature.substring(0, signature.indexOf('.')));
    return MAPPER.readTree(header).get("jti").asText();
  }

  private static byte[] rebind(byte[] body, String jti) throws IOException {
    JsonNode doc = MAPPER.readTree(body);
    if (!(doc instanceof ObjectNode answer) || !doc.path("receipt").isTextual()) {
      return body;
    }
    try {
      JWSObject receipt = JWSObject.parse(answer.get("receipt").asText());
      ObjectNode claims = (ObjectNode) MAPPER.readTree(receipt.getPayload().toBytes());
      claims.put("jti", jti);
      answer.put("receipt", signReceipt(MAPPER.writeValueAsString(claims)));
      return MAPPER.writeValueAsBytes(answer);
    } catch (java.text.ParseException e) {
      // Not a JWS: leave it to the SDK to refuse.
      return body;
    }
  }

  /** Feeds the (possibly rebound) octets to the caller's body handler. */
  private static <T> T convert(HttpResponse<byte[]> response, byte[] body, HttpResponse.BodyHandler<T> handler) {
    HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return response.statusCode();
      }

      @Override
      public HttpHeaders headers() {
        return response.headers();
      }

      @Override
      public HttpClient.Version version() {
        return response.version();
      }
    });
    subscriber.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
      }

      @Override
      public void cancel() {
      }
    });
    subscriber.onNext(List.of(ByteBuffer.wrap(body)));
    subscriber.onComplete();
    return subscriber.getBody().toCompletableFuture().join();
  }

  private record Answer<T>(HttpResponse<byte[]> original, T body) implements HttpResponse<T> {
    @Override
    public int statusCode() {
      return original.statusCode();
    }

    @Override
    public HttpRequest request() {
      return original.request();
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return original.headers();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return original.uri();
    }

    @Override
    public HttpClient.Version version() {
      return original.version();
    }
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
