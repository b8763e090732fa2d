package org.capillary.sdk.implementation;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.capillary.sdk.auth.JwsRequestSigner;
import org.capillary.sdk.auth.SignedRequest;
import org.capillary.sdk.exception.CapillaryClientException;
import org.capillary.sdk.exception.CapillaryException;
import org.capillary.sdk.http.Sleeper;

/**
 * Sends one logical call: per attempt a fresh signature (new jti and iat, CAP-SIG-17) over the
 * same body octets and the same Idempotency-Key; retries per {@link RetryPolicy}. Logs the
 * operation, attempt and status only: never bodies, signatures, keys or personal data.
 */
public final class HttpPipeline {

  private static final System.Logger LOG = System.getLogger("org.capillary.sdk");
  private static final String USER_AGENT = "capillary-sdk-java/1";

  private final URI endpoint;
  private final HttpClient http;
  private final JwsRequestSigner signer;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Duration readTimeout;

  public HttpPipeline(URI endpoint, HttpClient http, JwsRequestSigner signer, RetryPolicy retry, Sleeper sleeper,
      Duration readTimeout) {
    this.endpoint = endpoint;
    this.http = http;
    this.signer = signer;
    this.retry = retry;
    this.sleeper = sleeper;
    this.readTimeout = readTimeout;
  }

  /** @return the retry policy of this pipeline */
  public RetryPolicy retryPolicy() {
    return retry;
  }

  /** @return the sleeper waiting between attempts */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * @param other the retry policy to use instead
   * @return a pipeline like this one with another retry policy (e.g. one that never retries, for a
   *     caller that runs its own recovery loop)
   */
  public HttpPipeline withRetryPolicy(RetryPolicy other) {
    return new HttpPipeline(endpoint, http, signer, other, sleeper, readTimeout);
  }

  public URI endpoint() {
    return endpoint;
  }

  public HttpClient http() {
    return http;
  }

  /** The raw target ({@code htp}) of a path relative to the endpoint, including any base path of the endpoint. */
  public String target(String pathAndQuery) {
    String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + pathAndQuery;
  }

  private HttpRequest request(CallSpec call, SignedRequest signed) {
    URI uri = endpoint.resolve(call.target());
    HttpRequest.BodyPublisher publisher = call.body().length == 0
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body());
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(readTimeout)
        .method(call.method(), publisher)
        .header("Capillary-Signature", signed.headerValue())
        .header("Content-Digest", signed.contentDigest())
        .header("X-Request-Id", call.requestId())
        .header("Accept", "application/json, application/problem+json")
        .header("User-Agent", USER_AGENT);
    if (call.idempotencyKey() != null) {
      b.header("Idempotency-Key", call.idempotencyKey());
    }
    if (call.contentType() != null) {
      b.header("Content-Type", call.contentType());
    }
    call.headers().forEach(b::header);
    return b.build();
  }

  /**
   * Sends synchronously.
   *
   * @throws CapillaryException a service exception for an error status after retries, a client
   *     exception for I/O failures after retries
   */
  public Exchange send(CallSpec call) {
    List<String> jtis = new ArrayList<>();
    for (int retries = 0; ; retries++) {
      SignedRequest signed = signer.sign(call.method(), call.target(), call.body(), call.idempotencyKey());
      jtis.add(signed.jti());
      HttpResponse<byte[]> response;
      try {
        response = http.send(request(call, signed), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (!retry.mayRetry(retries)) {
          throw ioFailure(call, retries, e);
        }
        pause(call, retries, retry.delay(retries, null), e.getClass().getSimpleName());
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CapillaryClientException(call.operationId() + " interrupted", e);
      }
      Duration retryAfter = retry.retryAfter(response.headers());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        log(Level.DEBUG, call, retries, "→ " + status);
        return new Exchange(status, response.headers(), response.body(), List.copyOf(jtis), signed.contentDigest());
      }
      if (RetryPolicy.isRetryableStatus(status) && retry.mayRetry(retries) && retry.mayWait(retryAfter)) {
        pause(call, retries, retry.delay(retries, retryAfter), "status " + status);
        continue;
      }
      log(Level.DEBUG, call, retries, "→ " + status + ", not retried");
      throw Problems.toException(status, response.headers(), response.body(), retryAfter);
    }
  }

  private void pause(CallSpec call, int retries, Duration delay, String why) {
    log(Level.INFO, call, retries, why + ", retrying in " + delay.toMillis() + " ms");
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CapillaryClientException(call.operationId() + " interrupted while waiting to retry", e);
    }
  }

  /** Sends asynchronously; the future fails with the same exceptions {@link #send} throws. */
  public CompletableFuture<Exchange> sendAsync(CallSpec call) {
    return attemptAsync(call, 0, new ArrayList<>());
  }

  private CompletableFuture<Exchange> attemptAsync(CallSpec call, int retries, List<String> jtis) {
    SignedRequest signed;
    HttpRequest request;
    try {
      signed = signer.sign(call.method(), call.target(), call.body(), call.idempotencyKey());
      request = request(call, signed);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    synchronized (jtis) {
      jtis.add(signed.jti());
    }
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .handle((response, failure) -> {
          if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (RetryPolicy.isRetryableFailure(cause) && retry.mayRetry(retries)) {
              Duration delay = retry.delay(retries, null);
              log(Level.INFO, call, retries, cause.getClass().getSimpleName() + ", retrying in " + delay.toMillis() + " ms");
              return sleeper.delay(delay).thenCompose(v -> attemptAsync(call, retries + 1, jtis));
            }
            return CompletableFuture.<Exchange>failedFuture(cause instanceof IOException io ? ioFailure(call, retries, io)
                : new CapillaryClientException(call.operationId() + " failed", cause));
          }
          Duration retryAfter = retry.retryAfter(response.headers());
          int status = response.statusCode();
          if (status >= 200 && status < 300) {
            List<String> all;
            synchronized (jtis) {
              all = List.copyOf(jtis);
            }
            return CompletableFuture.completedFuture(
                new Exchange(status, response.headers(), response.body(), all, signed.contentDigest()));
          }
          if (RetryPolicy.isRetryableStatus(status) && retry.mayRetry(retries) && retry.mayWait(retryAfter)) {
            Duration delay = retry.delay(retries, retryAfter);
            log(Level.INFO, call, retries, "status " + status + ", retrying in " + delay.toMillis() + " ms");
            return sleeper.delay(delay).thenCompose(v -> attemptAsync(call, retries + 1, jtis));
          }
          return CompletableFuture.<Exchange>failedFuture(
              Problems.toException(status, response.headers(), response.body(), retryAfter));
        })
        .thenCompose(f -> f);
  }

  private static CapillaryClientException ioFailure(CallSpec call, int retries, IOException e) {
    return new CapillaryClientException(call.operationId() + " failed after " + (retries + 1) + " attempt(s): "
        + e.getClass().getSimpleName() + "; the outcome is unknown, repeat with the same Idempotency-Key", e);
  }

  private static void log(Level level, CallSpec call, int retries, String what) {
    if (LOG.isLoggable(level)) {
      LOG.log(level, "{0} attempt {1} (request id {2}): {3}", call.operationId(), retries + 1, call.requestId(), what);
    }
  }
}
