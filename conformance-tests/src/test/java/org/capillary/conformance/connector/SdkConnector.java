package org.capillary.conformance.connector;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.CapillaryClientBuilder;
import org.capillary.sdk.exception.CapillaryException;
import org.capillary.sdk.http.RetryOptions;
import org.capillary.sdk.http.Sleeper;
import org.capillary.sdk.models.WriteOptions;

/**
 * A connector built on our SDK the way the SDK's README teaches: media uploaded first, then each
 * record with one call; retries, keys and signatures left to the SDK. Timeouts and back-off are
 * shortened so the plans run fast; {@code sleeper} lets a broken variant skip its waits.
 */
final class SdkConnector implements ConnectorUnderTest {

  static final Duration READ_TIMEOUT = Duration.ofMillis(2000);
  static final int CHUNK_SIZE = 16 * 1024;

  private final TestKeys keys;
  private final Sleeper sleeper;

  SdkConnector(TestKeys keys) {
    this(keys, Sleeper.system());
  }

  SdkConnector(TestKeys keys, Sleeper sleeper) {
    this.keys = keys;
    this.sleeper = sleeper;
  }

  static CapillaryClient client(URI endpoint, TestKeys keys, RetryOptions retry, Sleeper sleeper) {
    return new CapillaryClientBuilder()
        .endpoint(endpoint.toString())
        .connectorId(keys.connectorId())
        .credential(keys.credential())
        .readTimeout(READ_TIMEOUT)
        .retryOptions(retry)
        .sleeper(sleeper)
        .buildClient();
  }

  static RetryOptions fastRetries() {
    return RetryOptions.builder().maxRetries(4).baseDelay(Duration.ofMillis(50)).maxDelay(Duration.ofMillis(200))
        .maxRetryAfter(Duration.ofSeconds(5)).build();
  }

  @Override
  public ConnectorOutcome perform(URI endpoint, Instructions instructions, Path workDir) {
    CapillaryClient client = client(endpoint, keys, fastRetries(), sleeper);
    try {
      Map<String, String> mediaIds = SdkCalls.newMediaIds();
      for (Instructions.Media m : instructions.media()) {
        mediaIds.put(m.ref(), SdkCalls.upload(client, m, CHUNK_SIZE).mediaId());
      }
      for (Instructions.Record r : instructions.records()) {
        SdkCalls.submit(client, r, mediaIds, WriteOptions.none());
      }
      return ConnectorOutcome.success();
    } catch (CapillaryException e) {
      return ConnectorOutcome.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
