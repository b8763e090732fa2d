package org.capillary.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report puts each figure beside its baseline and judges each target from the numbers. */
class ReportTest {

  @Test
  void judgesTargetsFromTheMeasurements(@TempDir Path out) throws Exception {
    BenchmarkRun.Results r = new BenchmarkRun.Results(false);
    r.phases.add(phase("capillary-embedded", "saturation", 0, 6_000, 0, 0));
    r.phases.add(phase("capillary-embedded", "rate-2500", 2_500, 2_500, 30, 0));
    r.phases.add(phase("capillary-embedded", "rate-5000", 5_000, 4_990, 80, 0));
    r.phases.add(phase("bare-webflux", "saturation", 0, 18_000, 0, 0));
    r.phases.add(phase("spring-cloud-gateway", "saturation", 0, 3_000, 0, 0));
    r.micro.add(new MicroRun.Score("SdkCallBenchmark.signed:ES256", 800, 1, "us/op"));
    r.micro.add(new MicroRun.Score("SdkCallBenchmark.unsigned:ES256", 5, 1, "us/op"));
    r.media = new MediaRun.Result(1L << 30, 16 << 20, 500, 450, 0.9, 400, 450, 460, 200, 1024);
    Report.write(r, out);

    String md = Files.readString(out.resolve("report.md"));
    assertThat(md).contains("| capillary-embedded: >= 5,000 signed, validated, durably stored submissions/s | saturation 6000/s; "
        + "at 5,000/s offered: 4990/s, 0 failed | **met** |");
    assertThat(md).contains("| capillary-embedded: p99 <= 25 ms at 2,500/s | p99 30.0 ms");
    assertThat(md).contains("0.333 x (6000 vs 18000/s) | **met** |");
    assertThat(md).contains("2.000 x (6000 vs 3000/s) | **met** |");
    assertThat(md).contains("795.0 µs").contains("| SDK signing + idempotency <= 0.2 ms per call (ES256) |");
    assertThat(md).contains("**met (throughput); met (memory: flat = RSS growth <= 256 MiB)**");
    assertThat(md).contains("capillary-production: >= 5,000").contains("**not measured**");
    assertThat(Files.readString(out.resolve("report.json"))).contains("\"capillary-embedded / bare-webflux\" : 0.333");
  }

  private static PhaseResult phase(String server, String phase, double offered, double achieved, double p99, long failed) {
    return new PhaseResult(server, phase, offered == 0 ? "closed" : "open", offered, 64, 10, (long) achieved * 10 + failed,
        (long) achieved * 10, failed == 0 ? Map.of() : Map.of("503", failed), achieved, p99 / 3, p99, p99 * 2, p99 * 3, false,
        List.of());
  }
}
