package org.capillary.sdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.auth.JwsRequestSigner;
import org.capillary.sdk.http.RetryOptions;
import org.capillary.sdk.http.Sleeper;
import org.capillary.sdk.implementation.ClientCore;
import org.capillary.sdk.implementation.HttpPipeline;
import org.capillary.sdk.implementation.JwksCache;
import org.capillary.sdk.implementation.ReceiptVerifier;
import org.capillary.sdk.implementation.RetryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link CapillaryClient} and {@link CapillaryAsyncClient}, the only way to make them.
 * Required: {@link #endpoint}, {@link #connectorId} and {@link #credential}. Everything else has a
 * default. The builder is not thread-safe; the clients it builds are, and each {@code build…} call
 * makes an independent client from the current settings.
 *
 * <pre>{@code
 * CapillaryClient client = new CapillaryClientBuilder()
 *     .endpoint("https://gateway.example")
 *     .connectorId("insurer-pingan-sz")
 *     .credential(CapillaryKeyCredential.fromJwk(Files.readString(Path.of("key.jwk.json"))))
 *     .retryOptions(RetryOptions.builder().maxRetries(5).build())
 *     .buildClient();
 * }</pre>
 */
public final class CapillaryClientBuilder {

  private static final Pattern CONNECTOR_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private @Nullable URI endpoint;
  private @Nullable String connectorId;
  private @Nullable CapillaryKeyCredential credential;
  private @Nullable String issuer;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(30);
  private RetryOptions retryOptions = RetryOptions.defaults();
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.system();
  private @Nullable HttpClient httpClient;
  private Duration jwksRefreshInterval = Duration.ofMinutes(5);
  private CapillaryServiceVersion serviceVersion = CapillaryServiceVersion.latest();

  /** Creates a builder with the defaults. */
  public CapillaryClientBuilder() {
  }

  /**
   * @param endpoint the gateway's base URL, e.g. {@code https://gateway.example} (a base path is kept)
   * @return this
   * @throws IllegalArgumentException if not an absolute http(s) URL
   */
  public CapillaryClientBuilder endpoint(String endpoint) {
    URI uri = URI.create(Objects.requireNonNull(endpoint, "endpoint"));
    if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("endpoint must be an absolute http(s) URL");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("endpoint must not have a query or fragment");
    }
    this.endpoint = uri;
    return this;
  }

  /**
   * @param connectorId the connector id the operator registered; receipts must name it ({@code cid})
   * @return this
   * @throws IllegalArgumentException if it is not a valid id
   */
  public CapillaryClientBuilder connectorId(String connectorId) {
    if (!CONNECTOR_ID.matcher(Objects.requireNonNull(connectorId, "connectorId")).matches()) {
      throw new IllegalArgumentException("connectorId must match ^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$");
    }
    this.connectorId = connectorId;
    return this;
  }

  /**
   * @param credential the connector's signing key ({@link CapillaryKeyCredential#fromPem},
   *     {@link CapillaryKeyCredential#fromJwk fromJwk}, {@link CapillaryKeyCredential#fromPkcs12 fromPkcs12})
   * @return this
   */
  public CapillaryClientBuilder credential(CapillaryKeyCredential credential) {
    this.credential = Objects.requireNonNull(credential, "credential");
    return this;
  }

  /**
   * @param issuer the platform's issuer id as published with its JWK Set (e.g. {@code cn-440304});
   *     receipts must carry it as {@code iss}. Default {@code null}: any issuer is accepted, the
   *     signature by the endpoint's JWK Set is what binds the receipt to the platform.
   * @return this
   */
  public CapillaryClientBuilder issuer(@Nullable String issuer) {
    this.issuer = issuer;
    return this;
  }

  /**
   * @param connectTimeout the TCP/TLS connect timeout (default 10 s); ignored with {@link #httpClient}
   * @return this
   * @throws IllegalArgumentException if not positive
   */
  public CapillaryClientBuilder connectTimeout(Duration connectTimeout) {
    this.connectTimeout = positive(connectTimeout, "connectTimeout");
    return this;
  }

  /**
   * @param readTimeout how long one attempt may wait for the answer (default 30 s); a timeout is
   *     retried like a connection failure
   * @return this
   * @throws IllegalArgumentException if not positive
   */
  public CapillaryClientBuilder readTimeout(Duration readTimeout) {
    this.readTimeout = positive(readTimeout, "readTimeout");
    return this;
  }

  /**
   * @param retryOptions when and how to retry (default {@link RetryOptions#defaults()};
   *     {@link RetryOptions#disabled()} to never retry)
   * @return this
   */
  public CapillaryClientBuilder retryOptions(RetryOptions retryOptions) {
    this.retryOptions = Objects.requireNonNull(retryOptions, "retryOptions");
    return this;
  }

  /**
   * @param clock the clock for signatures ({@code iat}), {@code Retry-After} dates and the JWK Set
   *     refresh limit (default the system UTC clock). Keep it NTP-synchronised: the gateway allows ±300 s.
   * @return this
   */
  public CapillaryClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * @param sleeper how to wait between attempts (default {@link Sleeper#system()}); tests inject one
   *     that records delays
   * @return this
   */
  public CapillaryClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /**
   * @param httpClient a configured {@link HttpClient} (proxy, TLS, executor) to use instead of one
   *     built from {@link #connectTimeout}; default {@code null}. It must not follow redirects of
   *     writes on its own (a redirected write would carry a signature for another path).
   * @return this
   */
  public CapillaryClientBuilder httpClient(@Nullable HttpClient httpClient) {
    this.httpClient = httpClient;
    return this;
  }

  /**
   * @param interval the least time between two fetches of the gateway's JWK Set caused by unknown
   *     receipt {@code kid}s (default 5 minutes, spec/SIGNING.md §11)
   * @return this
   */
  public CapillaryClientBuilder jwksRefreshInterval(Duration interval) {
    this.jwksRefreshInterval = Objects.requireNonNull(interval, "interval");
    return this;
  }

  /**
   * @param serviceVersion the contract version to speak (default the latest)
   * @return this
   */
  public CapillaryClientBuilder serviceVersion(CapillaryServiceVersion serviceVersion) {
    this.serviceVersion = Objects.requireNonNull(serviceVersion, "serviceVersion");
    return this;
  }

  /**
   * @return a synchronous client
   * @throws IllegalStateException if endpoint, connector id or credential is missing
   */
  public CapillaryClient buildClient() {
    return new CapillaryClient(core());
  }

  /**
   * @return an asynchronous client
   * @throws IllegalStateException if endpoint, connector id or credential is missing
   */
  public CapillaryAsyncClient buildAsyncClient() {
    return new CapillaryAsyncClient(core());
  }

  private ClientCore core() {
    if (endpoint == null || connectorId == null || credential == null) {
      throw new IllegalStateException("endpoint, connectorId and credential are required");
    }
    HttpClient http = httpClient != null ? httpClient : HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    HttpPipeline pipeline = new HttpPipeline(endpoint, http, JwsRequestSigner.create(credential, clock),
        new RetryPolicy(retryOptions, clock), sleeper, readTimeout);
    URI jwksUri = endpoint.resolve("/.well-known/jwks.json");
    ReceiptVerifier receipts = new ReceiptVerifier(
        new JwksCache(JwksCache.http(http, jwksUri, readTimeout), clock, jwksRefreshInterval));
    return new ClientCore(pipeline, receipts, connectorId, issuer);
  }

  private static Duration positive(Duration d, String name) {
    if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return d;
  }
}
