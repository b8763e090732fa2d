package org.capillary.sdk.implementation;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.capillary.sdk.exception.ReceiptVerificationException;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's JWK Set, fetched on first use and cached; refetched when a receipt names an
 * unknown {@code kid}, at most once per {@code minRefreshInterval} (CAP-SIG-20 says 5 minutes), so
 * a stream of forged kids cannot make the client hammer the gateway.
 */
public final class JwksCache {

  /** A source of the JWK Set document. */
  @FunctionalInterface
  public interface Source {
    String fetch() throws IOException, InterruptedException;
  }

  private final Source source;
  private final Clock clock;
  private final Duration minRefreshInterval;
  private volatile @Nullable JWKSet keys;
  private @Nullable Instant lastFetch;

  public JwksCache(Source source, Clock clock, Duration minRefreshInterval) {
    this.source = source;
    this.clock = clock;
    this.minRefreshInterval = minRefreshInterval;
  }

  /** A source that GETs {@code /.well-known/jwks.json} below the endpoint (public, unsigned). */
  public static Source http(HttpClient http, URI jwksUri, Duration timeout) {
    return () -> {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(jwksUri).timeout(timeout).GET()
          .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IOException("JWK Set answered " + r.statusCode());
      }
      return new String(r.body(), StandardCharsets.UTF_8);
    };
  }

  /**
   * @param kid a key id from a receipt header
   * @return the key
   * @throws ReceiptVerificationException if the key is not in the set (even after a permitted
   *     refresh) or the set cannot be fetched
   */
  public JWK key(String kid) {
    JWKSet current = keys;
    JWK key = current == null ? null : current.getKeyByKeyId(kid);
    if (key != null) {
      return key;
    }
    synchronized (this) {
      current = keys;
      key = current == null ? null : current.getKeyByKeyId(kid);
      if (key != null) {
        return key;
      }
      Instant now = clock.instant();
      if (current == null || lastFetch == null || !now.isBefore(lastFetch.plus(minRefreshInterval))) {
        lastFetch = now;
        try {
          keys = JWKSet.parse(source.fetch());
        } catch (IOException | ParseException e) {
          throw new ReceiptVerificationException("cannot fetch the gateway JWK Set: " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ReceiptVerificationException("interrupted while fetching the gateway JWK Set", null, e);
        }
        key = keys.getKeyByKeyId(kid);
      }
    }
    if (key == null) {
      throw new ReceiptVerificationException("receipt kid " + kid + " is not in the gateway JWK Set", null, null);
    }
    return key;
  }
}
