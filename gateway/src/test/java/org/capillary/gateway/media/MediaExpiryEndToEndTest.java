package org.capillary.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.capillary.gateway.support.Scenario;
import org.capillary.gateway.support.SignedClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * tus expiration: an unfinished upload past its expiry is refused (410 UPLOAD_EXPIRED) at once,
 * and the janitor deletes its bytes and marks it EXPIRED, exactly once however many replicas run
 * it. Uploads here expire after four seconds; the janitor's schedule is off and it is run by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "capillary.gateway.media.expiry=PT4S",
    "capillary.gateway.media.janitor-interval=PT0S",
    "capillary.gateway.media.spool-max-age=PT1S"})
@AutoConfigureWebTestClient
class MediaExpiryEndToEndTest {

  private static final Path DATA_DIR;

  static {
    try {
      DATA_DIR = Files.createTempDirectory("capillary-media-expiry");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("capillary.gateway.data-dir", DATA_DIR::toString);
  }

  @Autowired
  WebTestClient client;

  @Autowired
  UploadJanitor janitor;

  @Autowired
  UploadService uploads;

  @Test
  void anUnfinishedUploadExpiresAndIsCleanedUpOnce() throws Exception {
    Scenario scenario = new Scenario(client);
    byte[] content = MediaGatewayTestBase.bytes(3000, 31);
    String location = scenario.declareUpload(scenario.insurerA, content.length,
        MediaGatewayTestBase.sha256Hex(content), "VIDEO", "video/mp4", null);
    String uploadId = MediaUploadEndToEndTest.uploadId(location);
    assertThat(scenario.patchChunk(scenario.insurerA, location, 0, MediaGatewayTestBase.slice(content, 0, 1000))
        .getStatus().value()).isEqualTo(204);
    assertThat(Files.exists(uploads.partFile(uploadId))).isTrue();
    Path staleSpool = DATA_DIR.resolve("media").resolve("spool").resolve("left-by-a-crash.chunk");
    Files.write(staleSpool, new byte[] {1});

    String expires = scenario.insurerA.send("HEAD", location, null, new byte[0], null, Map.of("Tus-Resumable", "1.0.0"))
        .getResponseHeaders().getFirst("Upload-Expires");
    java.time.Instant expiry = java.time.ZonedDateTime.parse(expires, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
        .toInstant().plusSeconds(1); // the header has whole seconds
    long waitMillis = java.time.Duration.between(java.time.Instant.now(), expiry).toMillis() + 100;
    if (waitMillis > 0) {
      Thread.sleep(waitMillis);
    }

    EntityExchangeResult<byte[]> late = scenario.patchChunk(scenario.insurerA, location, 1000,
        MediaGatewayTestBase.slice(content, 1000, 3000));
    assertThat(late.getStatus().value()).as(SignedClient.text(late)).isEqualTo(410);
    assertThat(SignedClient.json(late).path("code").asString()).isEqualTo("UPLOAD_EXPIRED");

    assertThat(janitor.sweep().block()).isEqualTo(1);
    assertThat(janitor.sweep().block()).isZero(); // claimed once: a second replica finds nothing
    assertThat(Files.exists(uploads.partFile(uploadId))).isFalse();
    assertThat(Files.exists(staleSpool)).isFalse();

    EntityExchangeResult<byte[]> head = scenario.insurerA.send("HEAD", location, null, new byte[0], null,
        Map.of("Tus-Resumable", "1.0.0"));
    assertThat(head.getStatus().value()).isEqualTo(410);
    assertThat(SignedClient.json(scenario.insurerA.get("/v1/media/" + uploadId)).path("status").asString())
        .isEqualTo("EXPIRED");
  }
}
