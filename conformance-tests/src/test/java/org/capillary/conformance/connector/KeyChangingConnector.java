package org.capillary.conformance.connector;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.exception.CapillaryClientException;
import org.capillary.sdk.exception.CapillaryServiceException;
import org.capillary.sdk.exception.RateLimitedException;
import org.capillary.sdk.http.RetryOptions;
import org.capillary.sdk.http.Sleeper;
import org.capillary.sdk.models.WriteOptions;

/**
 * BROKEN on purpose: the SDK's retries are off and this connector retries by itself, waiting as
 * told but calling again with a new Idempotency-Key each time (the classic home-made retry loop).
 */
final class KeyChangingConnector implements ConnectorUnderTest {

  private final TestKeys keys;

  KeyChangingConnector(TestKeys keys) {
    this.keys = keys;
  }

  @Override
  public ConnectorOutcome perform(URI endpoint, Instructions instructions, Path workDir) throws InterruptedException {
    CapillaryClient client = SdkConnector.client(endpoint, keys, RetryOptions.disabled(), Sleeper.system());
    Map<String, String> mediaIds = SdkCalls.newMediaIds();
    for (Instructions.Media m : instructions.media()) {
      mediaIds.put(m.ref(), retrying(() -> SdkCalls.upload(client, m, SdkConnector.CHUNK_SIZE)).mediaId());
    }
    for (Instructions.Record r : instructions.records()) {
      retrying(() -> SdkCalls.submit(client, r, mediaIds, WriteOptions.none()));   // a fresh key per call
    }
    return ConnectorOutcome.success();
  }

  private static <T> T retrying(Supplier<T> call) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (CapillaryServiceException | CapillaryClientException e) {
        boolean retryable = e instanceof CapillaryClientException || ((CapillaryServiceException) e).isRetryable();
        if (!retryable || attempt == 4) {
          throw e;
        }
        Duration wait = e instanceof RateLimitedException r ? r.retryAfter().orElse(Duration.ZERO) : Duration.ZERO;
        Thread.sleep(Math.max(wait.toMillis(), 50));
      }
    }
  }
}
