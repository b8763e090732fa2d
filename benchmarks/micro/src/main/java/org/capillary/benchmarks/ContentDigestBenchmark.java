package org.capillary.benchmarks;

import java.util.concurrent.TimeUnit;
import org.capillary.gateway.jws.ContentDigest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The RFC 9530 Content-Digest of the inspection body ({@link ContentDigest#of}: SHA-256, base64). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ContentDigestBenchmark {

  private byte[] body;

  /** The body: once per benchmark run. */
  @Setup
  public void setUp() {
    body = Fixtures.inspectionBody();
  }

  /** One Content-Digest field value. */
  @Benchmark
  public String contentDigest() {
    return ContentDigest.of(body);
  }
}
