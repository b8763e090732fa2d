package org.capillary.conformance.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.validation.ContractValidator;

/**
 * A WireMock server on the loopback interface that plays the platform for one connector under
 * test: it validates every request strictly, answers like the gateway, injects the faults of its
 * {@link FaultScript}, and records every request with what it found.
 *
 * <p>Lifecycle: {@link #start} it, point the connector at {@link #endpoint()}, let the connector
 * work, read {@link #received()}, then {@link #close()} it. One sandbox serves one connector for
 * one scenario; its receipt key is made afresh on start and published at
 * {@code /.well-known/jwks.json}.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxSettings.of("insurer-a", jwksJson, FaultScript.none(), Clock.systemUTC()))) {
 *   connector.perform(sandbox.endpoint(), instructions, workDir);
 *   List<ReceivedRequest> received = sandbox.received();
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

  private final WireMockServer server;
  private final SandboxTransformer transformer;
  private final PlatformState state;

  private Sandbox(WireMockServer server, SandboxTransformer transformer, PlatformState state) {
    this.server = server;
    this.transformer = transformer;
    this.state = state;
  }

  /**
   * Starts a sandbox on a free loopback port.
   *
   * @param settings the connector's id and keys, the faults and the clock
   * @return the running sandbox
   */
  public static Sandbox start(SandboxSettings settings) {
    RequestSignatureVerifier signatures =
        new RequestSignatureVerifier(settings.connectorKeys(), settings.clock(), settings.signatureWindow());
    RequestJudge judge = new RequestJudge(Shared.CONTRACT, Shared.VALIDATOR, signatures);
    PlatformState state = new PlatformState(settings.connectorId(), new ReceiptIssuer(settings.issuer()), settings.clock());
    SandboxTransformer transformer = new SandboxTransformer(judge, state, settings.faults(), settings.clock());
    WireMockServer server = new WireMockServer(WireMockConfiguration.options()
        .dynamicPort()
        .bindAddress("127.0.0.1")
        .gzipDisabled(true)
        .disableRequestJournal()
        .asynchronousResponseEnabled(true)
        .containerThreads(16)
        .extensions(transformer));
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    server.start();
    return new Sandbox(server, transformer, state);
  }

  /** The base URL to give the connector, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** Every request received so far, in arrival order. */
  public List<ReceivedRequest> received() {
    return transformer.received();
  }

  /** The uploads completed so far: media id → SHA-256 (hex). */
  public Map<String, String> completedUploads() {
    return state.completedUploads();
  }

  /** Stops the server; requests still held back (slow answers) are dropped. */
  @Override
  public void close() {
    server.stop();
  }

  /**
   * The contract and its compiled schemas, loaded once per process; compiled before the first
   * request so that no connector's first attempt waits for it (and times out).
   */
  private static final class Shared {
    static final Contract CONTRACT = Contract.load();
    static final ContractValidator VALIDATOR = ContractValidator.create(CONTRACT);

    static {
      VALIDATOR.preload();
    }
  }
}
