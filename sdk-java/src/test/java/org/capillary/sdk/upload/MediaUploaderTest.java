package org.capillary.sdk.upload;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.CapillaryClientBuilder;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.auth.JwsRequestSigner;
import org.capillary.sdk.exception.CapillaryServiceException;
import org.capillary.sdk.http.RetryOptions;
import org.capillary.sdk.implementation.Json;
import org.capillary.sdk.models.UploadCreation;
import org.capillary.sdk.testing.FakeGateway;
import org.capillary.sdk.testing.RecordingSleeper;
import org.capillary.sdk.testing.Vectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunked, resumable uploads against WireMock: headers, signatures, progress, recovery, restart. */
class MediaUploaderTest {

  private static final Instant NOW = Instant.ofEpochSecond(1772415000);
  private static final String UPLOAD_ID = "med-01JNKQ9A7M3T5X8Y2B4D6F8H0J";
  private static final String UPLOAD = "/v1/uploads/" + UPLOAD_ID;
  private static final int CHUNK = 1024;
  private static final int LENGTH = 2500;

  @TempDir
  Path tmp;

  private FakeGateway gateway;
  private RecordingSleeper sleeper;
  private byte[] content;
  private Path file;

  @BeforeEach
  void start() throws IOException {
    gateway = new FakeGateway();
    sleeper = new RecordingSleeper();
    content = new byte[LENGTH];
    new Random(42).nextBytes(content);
    file = Files.write(tmp.resolve("site-042.jpg"), content);
    gateway.server().stubFor(post(urlEqualTo("/v1/uploads")).willReturn(FakeGateway.receipt("createUpload")
        .withHeader("Location", UPLOAD).withHeader("Tus-Resumable", "1.0.0").withHeader("Upload-Offset", "0")));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private CapillaryClient client(RetryOptions retry) {
    return new CapillaryClientBuilder()
        .endpoint(gateway.endpoint())
        .connectorId(FakeGateway.CONNECTOR)
        .credential(CapillaryKeyCredential.fromJwk(Vectors.text("vectors/signing/keys/test-es256-1.private.jwk.json")))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .readTimeout(Duration.ofSeconds(5))
        .sleeper(sleeper)
        .retryOptions(retry)
        .buildClient();
  }

  private CapillaryClient client() {
    return client(RetryOptions.builder().maxRetries(3).baseDelay(Duration.ofMillis(100)).build());
  }

  private static UploadOptions.Builder options() {
    return UploadOptions.builder(UploadCreation.KindEnum.PHOTO, "image/jpeg").chunkSize(CHUNK);
  }

  /** PATCH at {@code offset} answered 204 with the offset after the chunk. */
  private void stubChunk(long offset) {
    gateway.server().stubFor(patch(urlEqualTo(UPLOAD)).withHeader("Upload-Offset", equalTo(Long.toString(offset)))
        .willReturn(accepted(offset)));
  }

  private static ResponseDefinitionBuilder accepted(long offset) {
    return aResponse().withStatus(204).withHeader("Tus-Resumable", "1.0.0")
        .withHeader("Upload-Offset", Long.toString(Math.min(offset + CHUNK, LENGTH)));
  }

  private void stubHead(long offset) {
    gateway.server().stubFor(request("HEAD", urlEqualTo(UPLOAD)).willReturn(aResponse().withStatus(200)
        .withHeader("Tus-Resumable", "1.0.0").withHeader("Upload-Offset", Long.toString(offset))
        .withHeader("Upload-Length", Integer.toString(LENGTH))));
  }

  private List<LoggedRequest> requests(String method) {
    return gateway.server().findAll(RequestPatternBuilder.allRequests()).stream()
        .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().startsWith("/v1/uploads"))
        .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
        .toList();
  }

  private static JsonNode protectedHeader(LoggedRequest r) throws IOException {
    String sig = r.getHeader("Capillary-Signature");
    return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(sig.substring(0, sig.indexOf('.'))));
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  @Test
  void uploadsAFileInSignedChunksWithTusHeadersAndProgress() throws Exception {
    stubChunk(0);
    stubChunk(1024);
    stubChunk(2048);
    List<long[]> progress = new CopyOnWriteArrayList<>();

    UploadedMedia media = client().uploadMedia(file,
        options().projectId("FT-2026-000123").progressListener((sent, total) -> progress.add(new long[] {sent, total}))
            .build());

    String sha = HexFormat.of().formatHex(sha256(content));
    assertThat(media).isEqualTo(new UploadedMedia(UPLOAD_ID, sha, LENGTH));
    assertThat(progress).containsExactly(new long[] {1024, LENGTH}, new long[] {2048, LENGTH},
        new long[] {LENGTH, LENGTH});

    JsonNode declared = Json.MAPPER.readTree(requests("POST").get(0).getBody());
    // tus creation: the declaration is a tus request too (the gateway refuses it without).
    assertThat(requests("POST").get(0).getHeader("Tus-Resumable")).isEqualTo("1.0.0");
    assertThat(declared.get("kind").asText()).isEqualTo("PHOTO");
    assertThat(declared.get("contentType").asText()).isEqualTo("image/jpeg");
    assertThat(declared.get("length").asLong()).isEqualTo(LENGTH);
    assertThat(declared.get("sha256").asText()).isEqualTo(sha);
    assertThat(declared.get("fileName").asText()).isEqualTo("site-042.jpg");
    assertThat(declared.get("projectId").asText()).isEqualTo("FT-2026-000123");

    List<LoggedRequest> patches = requests("PATCH");
    assertThat(patches).hasSize(3);
    for (int i = 0; i < 3; i++) {
      LoggedRequest r = patches.get(i);
      int offset = i * CHUNK;
      byte[] chunk = Arrays.copyOfRange(content, offset, Math.min(offset + CHUNK, LENGTH));
      assertThat(r.getBody()).isEqualTo(chunk);
      assertThat(r.getHeader("Content-Type")).isEqualTo("application/offset+octet-stream");
      assertThat(r.getHeader("Tus-Resumable")).isEqualTo("1.0.0");
      assertThat(r.getHeader("Upload-Offset")).isEqualTo(Integer.toString(offset));
      assertThat(r.getHeader("Upload-Checksum")).isEqualTo("sha256 " + Base64.getEncoder().encodeToString(sha256(chunk)));
      assertThat(r.getHeader("Idempotency-Key")).isEqualTo(UPLOAD_ID + "@" + offset);
      assertThat(r.getHeader("Content-Digest")).isEqualTo(JwsRequestSigner.contentDigest(chunk));
      JsonNode header = protectedHeader(r);
      assertThat(header.get("htm").asText()).isEqualTo("PATCH");
      assertThat(header.get("htp").asText()).isEqualTo(UPLOAD);
      assertThat(header.get("cdg").asText()).isEqualTo(JwsRequestSigner.contentDigest(chunk));
      assertThat(header.get("idk").asText()).isEqualTo(UPLOAD_ID + "@" + offset);
    }
    // Each chunk is signed afresh.
    assertThat(patches.stream().map(r -> r.getHeader("Capillary-Signature")).distinct()).hasSize(3);
    assertThat(requests("HEAD")).isEmpty();
  }

  @Test
  void aConnectionResetOnTheSecondChunkAsksForTheOffsetAndResumes() throws Exception {
    stubChunk(0);
    gateway.server().stubFor(patch(urlEqualTo(UPLOAD)).withHeader("Upload-Offset", equalTo("1024"))
        .inScenario("reset").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("reset"));
    gateway.server().stubFor(patch(urlEqualTo(UPLOAD)).withHeader("Upload-Offset", equalTo("1024"))
        .inScenario("reset").whenScenarioStateIs("reset").willReturn(accepted(1024)));
    stubChunk(2048);
    stubHead(1024);

    UploadedMedia media = client().uploadMedia(file, options().build());

    assertThat(media.mediaId()).isEqualTo(UPLOAD_ID);
    assertThat(requests("PATCH")).extracting(r -> r.getHeader("Upload-Offset"))
        .containsExactly("0", "1024", "1024", "2048");
    List<LoggedRequest> heads = requests("HEAD");
    assertThat(heads).hasSize(1);
    assertThat(heads.get(0).getHeader("Tus-Resumable")).isEqualTo("1.0.0");
    assertThat(heads.get(0).getHeader("Idempotency-Key")).isNull();
    assertThat(protectedHeader(heads.get(0)).get("htm").asText()).isEqualTo("HEAD");
    assertThat(sleeper.sleeps).hasSize(1);
  }

  @Test
  void anOffsetMismatchContinuesFromTheGatewaysOffset() {
    stubChunk(0);
    gateway.server().stubFor(patch(urlEqualTo(UPLOAD)).withHeader("Upload-Offset", equalTo("1024"))
        .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
            .withHeader("Upload-Offset", "2048")
            .withBody("{\"title\":\"t\",\"status\":409,\"code\":\"UPLOAD_OFFSET_MISMATCH\"}")));
    stubChunk(2048);
    stubHead(2048);

    UploadedMedia media = client().uploadMedia(file, options().build());

    assertThat(media.length()).isEqualTo(LENGTH);
    assertThat(requests("PATCH")).extracting(r -> r.getHeader("Upload-Offset")).containsExactly("0", "1024", "2048");
    assertThat(requests("HEAD")).hasSize(1);
  }

  @Test
  void aNewClientWithTheSameStateStoreResumesWithoutDeclaringAgain() {
    Path states = tmp.resolve("states");
    stubChunk(0);
    gateway.server().stubFor(patch(urlEqualTo(UPLOAD)).withHeader("Upload-Offset", equalTo("1024"))
        .inScenario("restart").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    gateway.server().stubFor(patch(urlEqualTo(UPLOAD)).withHeader("Upload-Offset", equalTo("1024"))
        .inScenario("restart").whenScenarioStateIs("up").willReturn(accepted(1024)));
    stubChunk(2048);
    stubHead(1024);

    assertThatThrownBy(() -> client(RetryOptions.disabled()).uploadMedia(file,
        options().stateStore(new FileUploadStateStore(states)).build()))
        .isInstanceOf(CapillaryServiceException.class);
    try (var saved = Files.list(states)) {
      assertThat(saved.toList()).hasSize(1);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }

    List<long[]> progress = new CopyOnWriteArrayList<>();
    UploadedMedia media = client().uploadMedia(file, options().stateStore(new FileUploadStateStore(states))
        .progressListener((sent, total) -> progress.add(new long[] {sent, total})).build());

    assertThat(media.mediaId()).isEqualTo(UPLOAD_ID);
    assertThat(requests("POST")).hasSize(1);
    assertThat(requests("HEAD")).hasSize(1);
    assertThat(requests("PATCH")).extracting(r -> r.getHeader("Upload-Offset"))
        .containsExactly("0", "1024", "1024", "2048");
    assertThat(progress).containsExactly(new long[] {1024, LENGTH}, new long[] {2048, LENGTH},
        new long[] {LENGTH, LENGTH});
    try (var left = Files.list(states)) {
      assertThat(left.toList()).isEmpty();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void uploadsAStreamWithTheGivenDigest() throws Exception {
    stubChunk(0);
    stubChunk(1024);
    stubChunk(2048);
    String sha = HexFormat.of().formatHex(sha256(content));

    UploadedMedia media = client().uploadMedia(() -> new ByteArrayInputStream(content), LENGTH, sha.toUpperCase(),
        options().fileName("clip.jpg").build());

    assertThat(media).isEqualTo(new UploadedMedia(UPLOAD_ID, sha, LENGTH));
    assertThat(Json.MAPPER.readTree(requests("POST").get(0).getBody()).get("sha256").asText()).isEqualTo(sha);
    byte[] sent = new byte[LENGTH];
    int at = 0;
    for (LoggedRequest r : requests("PATCH")) {
      System.arraycopy(r.getBody(), 0, sent, at, r.getBody().length);
      at += r.getBody().length;
    }
    assertThat(sent).isEqualTo(content);
  }

  @Test
  void aDigestMismatchForgetsTheUpload() {
    Path states = tmp.resolve("states");
    stubChunk(0);
    stubChunk(1024);
    gateway.server().stubFor(patch(urlEqualTo(UPLOAD)).withHeader("Upload-Offset", equalTo("2048"))
        .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
            .withBody("{\"title\":\"t\",\"status\":422,\"code\":\"UPLOAD_DIGEST_MISMATCH\"}")));

    assertThatThrownBy(() -> client().uploadMedia(file, options().stateStore(new FileUploadStateStore(states)).build()))
        .isInstanceOfSatisfying(CapillaryServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("UPLOAD_DIGEST_MISMATCH"));
    assertThat(states.toFile().list()).isEmpty();
  }

  @Test
  void theFileStoreKeepsStatesAcrossInstancesAndRefusesPathLikeKeys() {
    Path states = tmp.resolve("states");
    UploadState state = new UploadState("abc123", UPLOAD_ID, 1024, "ab".repeat(32), LENGTH, "/data/x.jpg");
    new FileUploadStateStore(states).save(state);

    assertThat(new FileUploadStateStore(states).load("abc123")).isEqualTo(state);
    assertThat(new FileUploadStateStore(states).load("other")).isNull();
    new FileUploadStateStore(states).delete("abc123");
    assertThat(new FileUploadStateStore(states).load("abc123")).isNull();
    assertThatThrownBy(() -> new FileUploadStateStore(states).load("../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UploadOptions.builder(UploadCreation.KindEnum.PHOTO, "image/jpeg")
        .chunkSize(UploadOptions.MAX_CHUNK_SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(UploadOptions.builder(UploadCreation.KindEnum.PHOTO, "image/jpeg").build().chunkSize())
        .isEqualTo(8 * 1024 * 1024);
  }
}
