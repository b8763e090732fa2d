package org.capillary.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A cross-check of the JMH numbers that holds on a busy machine: the same benchmark methods, each
 * warmed up and then timed by the CPU time of the measuring thread (not the wall clock), printed
 * as operations per CPU-second — what one core does when it is not shared. JMH's wall-clock
 * throughput is the reference; use this when other processes compete for the cores and JMH's
 * error bars get wide.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar org.capillary.benchmarks.CpuTime [seconds] [regex]}</pre>
 */
public final class CpuTime {

  private CpuTime() {}

  /**
   * Runs every benchmark.
   *
   * @param args optional CPU seconds measured per benchmark (default 3), after as long a warm-up;
   *     then optionally a regular expression that selects benchmarks by name (default all)
   * @throws Exception if a benchmark's set-up fails
   */
  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
    java.util.regex.Pattern selected = java.util.regex.Pattern.compile(args.length > 1 ? args[1] : ".*");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time");
    }
    SignatureVerificationBenchmark sig = new SignatureVerificationBenchmark();
    sig.setUp();
    ReceiptSigningBenchmark receipts = new ReceiptSigningBenchmark();
    receipts.setUp();
    SchemaValidationBenchmark schema = new SchemaValidationBenchmark();
    schema.setUp();
    ContentDigestBenchmark digest = new ContentDigestBenchmark();
    digest.setUp();

    Map<String, Callable<Object>> all = new LinkedHashMap<>();
    all.put("SignatureVerificationBenchmark.es256Jdk", sig::es256Jdk);
    all.put("SignatureVerificationBenchmark.es256Conscrypt", sig::es256Conscrypt);
    all.put("SignatureVerificationBenchmark.ps256Jdk", sig::ps256Jdk);
    all.put("SignatureVerificationBenchmark.ps256ConscryptJca", sig::ps256ConscryptJca);
    all.put("SignatureVerificationBenchmark.eddsaTink", sig::eddsaTink);
    all.put("SignatureVerificationBenchmark.eddsaJdk", sig::eddsaJdk);
    for (String alg : new String[] {"ES256", "PS256", "EdDSA"}) {
      RequestVerificationBenchmark req = new RequestVerificationBenchmark();
      req.alg = alg;
      req.setUp();
      all.put("RequestVerificationBenchmark.verify:" + alg, req::verify);
    }
    all.put("ReceiptSigningBenchmark.gatewayReceiptSigner", receipts::gatewayReceiptSigner);
    all.put("ReceiptSigningBenchmark.es256Jdk", receipts::es256Jdk);
    all.put("ReceiptSigningBenchmark.es256Conscrypt", receipts::es256Conscrypt);
    all.put("ReceiptSigningBenchmark.eddsaTink", receipts::eddsaTink);
    all.put("SchemaValidationBenchmark.validate", schema::validate);
    all.put("SchemaValidationBenchmark.parseAndValidate", schema::parseAndValidate);
    all.put("ContentDigestBenchmark.contentDigest", digest::contentDigest);
    SubmissionPipelineBenchmark pipeline = new SubmissionPipelineBenchmark();
    pipeline.setUp();
    all.put("SubmissionPipelineBenchmark.submit", pipeline::submit);
    for (String alg : new String[] {"ES256", "PS256", "EdDSA"}) {
      SdkCallBenchmark sdk = new SdkCallBenchmark();
      sdk.alg = alg;
      sdk.setUp();
      all.put("SdkCallBenchmark.unsigned:" + alg, sdk::unsigned);
      all.put("SdkCallBenchmark.signed:" + alg, sdk::signed);
    }

    System.out.printf(Locale.ROOT, "%-50s %14s%n", "Benchmark", "ops/CPU-s");
    int sink = 0;
    try {
      for (Map.Entry<String, Callable<Object>> e : all.entrySet()) {
        if (!selected.matcher(e.getKey()).find()) {
          continue;
        }
        sink += run(e.getValue(), threads, seconds); // warm-up, discarded
        long ops = 0;
        long start = threads.getCurrentThreadCpuTime();
        long budget = (long) (seconds * 1e9);
        long used;
        do {
          for (int i = 0; i < 16; i++) {
            sink += e.getValue().call().hashCode();
          }
          ops += 16;
          used = threads.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        System.out.printf(Locale.ROOT, "%-50s %14.0f%n", e.getKey(), ops / (used / 1e9));
      }
    } finally {
      receipts.tearDown();
      pipeline.tearDown();
    }
    if (sink == 42) {
      System.out.println(); // keeps the results alive for the JIT
    }
  }

  private static int run(Callable<Object> benchmark, ThreadMXBean threads, double seconds) throws Exception {
    int sink = 0;
    long start = threads.getCurrentThreadCpuTime();
    while (threads.getCurrentThreadCpuTime() - start < (long) (seconds * 1e9)) {
      sink += benchmark.call().hashCode();
    }
    return sink;
  }
}
