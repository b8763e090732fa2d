package org.capillary.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.CapillaryClientBuilder;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.models.UploadCreation;
import org.capillary.sdk.upload.UploadOptions;
import org.capillary.sdk.upload.UploadedMedia;

/**
 * Media throughput: one file of random bytes uploaded through the gateway with the SDK (tus
 * create, then PATCH chunks; the gateway spools each chunk, checks its signature and checksum,
 * appends it to the part file and forces it to disk), beside the same bytes written to the same
 * disk directly in chunks of the same size, each chunk forced to disk (fsync in both). The file's
 * SHA-256 is computed before either is timed. The gateway's memory is sampled during the upload:
 * resident set ({@code /proc/<pid>/status}) and heap in use (its Prometheus endpoint).
 */
final class MediaRun {

  /**
   * The result.
   *
   * @param bytes the file's length
   * @param chunkBytes the chunk size of both
   * @param directMiBps direct write, MiB/s
   * @param gatewayMiBps through the gateway, MiB/s
   * @param ratio gateway / direct
   * @param rssBeforeMiB the gateway's resident set before the upload
   * @param rssPeakDuringMiB the highest resident set sampled during the upload
   * @param hwmAfterMiB VmHWM (peak resident set since start) after the upload
   * @param heapPeakMiB the highest heap in use sampled during the upload
   * @param heapMaxMiB the heap limit (-Xmx)
   */
  record Result(long bytes, int chunkBytes, double directMiBps, double gatewayMiBps, double ratio, double rssBeforeMiB,
      double rssPeakDuringMiB, double hwmAfterMiB, double heapPeakMiB, double heapMaxMiB) {}

  private final Path workDir;
  private final long bytes;
  private final int chunk;

  MediaRun(Path workDir, long bytes, int chunk) {
    this.workDir = workDir;
    this.bytes = bytes;
    this.chunk = chunk;
  }

  /**
   * Runs both writes.
   *
   * @param gateway a gateway on the embedded profile (demo connectors seeded)
   * @param insurerKeyFile the private JWK of {@code demo-insurer-a}
   * @return the result
   */
  Result run(ServerProcess gateway, Path insurerKeyFile) throws IOException, InterruptedException {
    Path source = workDir.resolve("media-source.bin");
    String sha256 = writeSource(source);
    Path direct = workDir.resolve("media-direct.bin");
    long t0 = System.nanoTime();
    copyForcingEachChunk(source, direct);
    double directSeconds = (System.nanoTime() - t0) / 1e9;
    Files.delete(direct);

    CapillaryClient client = new CapillaryClientBuilder()
        .endpoint(gateway.baseUri().toString())
        .connectorId("demo-insurer-a")
        .credential(CapillaryKeyCredential.fromJwk(Files.readString(insurerKeyFile)))
        .readTimeout(Duration.ofMinutes(2))
        .buildClient();
    double rssBefore = gateway.procStatusKib("VmRSS") / 1024.0;
    AtomicLong rssPeak = new AtomicLong();
    AtomicLong heapPeak = new AtomicLong();
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> sample(gateway, sampling, rssPeak, heapPeak), "memory-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long t1 = System.nanoTime();
    UploadedMedia media;
    try {
      media = client.uploadMedia(() -> open(source), bytes, sha256,
          UploadOptions.builder(UploadCreation.KindEnum.VIDEO, "video/mp4").fileName("bench.mp4").chunkSize(chunk).build());
    } finally {
      sampling.set(false);
      sampler.join(2_000);
    }
    double gatewaySeconds = (System.nanoTime() - t1) / 1e9;
    Files.delete(source);
    if (media.length() != bytes || !media.sha256().equals(sha256)) {
      throw new IllegalStateException("the gateway stored something else: " + media);
    }
    double mib = bytes / 1024.0 / 1024.0;
    return new Result(bytes, chunk, mib / directSeconds, mib / gatewaySeconds, directSeconds / gatewaySeconds, rssBefore,
        rssPeak.get() / 1024.0, gateway.procStatusKib("VmHWM") / 1024.0, heapPeak.get() / 1024.0 / 1024.0,
        ServerProcess.JVM_OPTIONS.contains("-Xmx1g") ? 1024 : -1);
  }

  private String writeSource(Path source) throws IOException {
    MessageDigest sha = sha256();
    SplittableRandom random = new SplittableRandom(42);
    byte[] block = new byte[chunk];
    try (FileChannel out = FileChannel.open(source, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      for (long written = 0; written < bytes; ) {
        int n = (int) Math.min(block.length, bytes - written);
        for (int i = 0; i < n; i += 8) {
          long r = random.nextLong();
          for (int b = 0; b < 8 && i + b < n; b++) {
            block[i + b] = (byte) (r >>> (8 * b));
          }
        }
        sha.update(block, 0, n);
        ByteBuffer buffer = ByteBuffer.wrap(block, 0, n);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        written += n;
      }
      out.force(true);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private void copyForcingEachChunk(Path source, Path target) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(chunk);
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      while (in.read(buffer) > 0 || buffer.position() > 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(false);
        buffer.clear();
      }
    }
  }

  private static void sample(ServerProcess gateway, AtomicBoolean sampling, AtomicLong rssPeak, AtomicLong heapPeak) {
    HttpClient http = HttpClient.newHttpClient();
    URI metrics = gateway.baseUri().resolve("/actuator/prometheus");
    while (sampling.get()) {
      rssPeak.accumulateAndGet(gateway.procStatusKib("VmRSS"), Math::max);
      try {
        String text = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        long heap = 0;
        for (String line : text.split("\n")) {
          if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
            heap += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          }
        }
        heapPeak.accumulateAndGet(heap, Math::max);
        Thread.sleep(200);
      } catch (IOException | RuntimeException e) {
        // a missed sample
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
