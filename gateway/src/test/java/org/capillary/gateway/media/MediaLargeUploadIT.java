package org.capillary.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.capillary.gateway.it.GatewayProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 5's memory promise: a 512 MiB video goes through the packaged gateway running with its
 * heap capped at 256 MiB ({@link GatewayProcess} launches it with {@code -Xmx256m
 * -XX:+ExitOnOutOfMemoryError}, so an out-of-memory kills it and fails the test). The content is
 * generated on the fly (nothing large on disk on the client side), sent as 32 signed PATCHes of
 * 16 MiB (the default chunk limit), each answered 204; the item ends COMPLETE with the right
 * SHA-256, and a range read of its last bytes returns them.
 */
class MediaLargeUploadIT {

  private static final int CHUNK = 16 * 1024 * 1024;
  private static final int CHUNKS = 32;
  private static final long LENGTH = (long) CHUNK * CHUNKS;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path dataDir;

  @Test
  void a512MiBUploadRunsWithTheGatewayHeapCappedAt256MiB() throws Exception {
    Signer insurer = Signer.demo("demo-insurer-a-es256-1");
    MessageDigest whole = MessageDigest.getInstance("SHA-256");
    byte[] chunk = new byte[CHUNK];
    for (int i = 0; i < CHUNKS; i++) {
      fill(chunk, i);
      whole.update(chunk);
    }
    String sha256 = HexFormat.of().formatHex(whole.digest());

    try (GatewayProcess gateway = GatewayProcess.embedded("media-512mib", dataDir).start()) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
      URI base = gateway.baseUri();

      byte[] declaration = JSON.writeValueAsBytes(JSON.createObjectNode()
          .put("kind", "VIDEO").put("contentType", "video/mp4").put("length", LENGTH).put("sha256", sha256)
          .put("fileName", "drill-512mib.mp4"));
      String key = "declare-" + System.nanoTime();
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/v1/uploads"))
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json").header("Tus-Resumable", "1.0.0").header("Idempotency-Key", key)
          .header("Capillary-Signature", insurer.sign("POST", "/v1/uploads", declaration, key))
          .POST(HttpRequest.BodyPublishers.ofByteArray(declaration)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String location = created.headers().firstValue("Location").orElseThrow();
      String uploadId = location.substring(location.lastIndexOf('/') + 1);

      long started = System.nanoTime();
      long signing = 0;
      for (int i = 0; i < CHUNKS; i++) {
        long t0 = System.nanoTime();
        fill(chunk, i);
        long offset = (long) i * CHUNK;
        String idk = uploadId + "@" + offset;
        String checksum = "sha256 " + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(chunk));
        String signature = insurer.sign("PATCH", location, chunk, idk);
        signing += System.nanoTime() - t0;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(location))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/offset+octet-stream").header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", Long.toString(offset)).header("Upload-Checksum", checksum)
            .header("Idempotency-Key", idk)
            .header("Capillary-Signature", signature)
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("chunk %d: %s\n%s", i, r.body(), gateway.isAlive() ? "" : gateway.logTail()).isEqualTo(204);
        assertThat(r.headers().firstValue("Upload-Offset")).hasValue(Long.toString(offset + CHUNK));
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(gateway.isAlive()).isTrue();

      HttpResponse<String> item = http.send(signedGet(insurer, base, "/v1/media/" + uploadId, null), HttpResponse.BodyHandlers.ofString());
      assertThat(item.statusCode()).as(item.body()).isEqualTo(200);
      JsonNode media = JSON.readTree(item.body());
      assertThat(media.path("status").asString()).isEqualTo("COMPLETE");
      assertThat(media.path("sha256").asString()).isEqualTo(sha256);
      assertThat(media.path("length").asLong()).isEqualTo(LENGTH);

      HttpResponse<byte[]> tail = http.send(signedGet(insurer, base, "/v1/media/" + uploadId + "/content", "bytes=-1000"),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(tail.statusCode()).isEqualTo(206);
      fill(chunk, CHUNKS - 1);
      assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(chunk, CHUNK - 1000, CHUNK));
      System.out.printf("512 MiB in %d chunks of 16 MiB: %d s (%.1f MiB/s; %d s of it signing in the test) into a gateway"
          + " with -Xmx256m%n", CHUNKS, took.toSeconds(), 512.0 / Math.max(0.001, took.toMillis() / 1000.0),
          Duration.ofNanos(signing).toSeconds());
    }
  }

  /**
   * Signs as spec/SIGNING.md says with a demo key read from the module's sources: under failsafe the
   * gateway's own classes and resources are in the repackaged jar (BOOT-INF/), not on the test's
   * class path, so this test uses nothing but nimbus.
   */
  private record Signer(com.nimbusds.jose.jwk.ECKey key) {

    static Signer demo(String kid) throws Exception {
      java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("basedir", "."), "src", "main", "resources",
          "connectors", "demo-keys", kid + ".jwk.json");
      return new Signer(com.nimbusds.jose.jwk.ECKey.parse(java.nio.file.Files.readString(file)));
    }

    String sign(String method, String path, byte[] body, @org.jspecify.annotations.Nullable String idk) throws Exception {
      String cdg = "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)) + ":";
      java.util.Set<String> crit = new java.util.LinkedHashSet<>(java.util.List.of("iat", "jti", "htm", "htp", "cdg"));
      com.nimbusds.jose.JWSHeader.Builder header = new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256)
          .keyID(key.getKeyID()).type(new com.nimbusds.jose.JOSEObjectType("capillary-request+jws"))
          .customParam("iat", java.time.Instant.now().getEpochSecond())
          .customParam("jti", java.util.UUID.randomUUID().toString())
          .customParam("htm", method).customParam("htp", path).customParam("cdg", cdg);
      if (idk != null) {
        header.customParam("idk", idk);
        crit.add("idk");
      }
      com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(header.criticalParams(crit).build(),
          new com.nimbusds.jose.Payload(body));
      jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(key));
      return jws.serialize(true);
    }
  }

  private static HttpRequest signedGet(Signer signer, URI base, String path, @org.jspecify.annotations.Nullable String range)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Capillary-Signature", signer.sign("GET", path, new byte[0], null)).GET();
    if (range != null) {
      b.header("Range", range);
    }
    return b.build();
  }

  /** Chunk {@code index} of the generated video: xorshift64 bytes seeded by the index. */
  private static void fill(byte[] chunk, int index) {
    long x = 0x9E3779B97F4A7C15L * (index + 1);
    for (int i = 0; i < chunk.length; i += 8) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      for (int k = 0; k < 8; k++) {
        chunk[i + k] = (byte) (x >>> (8 * k));
      }
    }
  }
}
