package org.capillary.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A short JFR recording of a server during saturation ({@code jcmd <pid> JFR.start}), summarised
 * as the methods most often on top of the sampled stacks ({@code jfr print --events
 * jdk.ExecutionSample}) and, inclusively, the Capillary methods most often anywhere in them.
 */
final class Profiler {

  /**
   * The summary, as shares of samples (%).
   *
   * @param recording the JFR file
   * @param samples how many execution samples
   * @param selfTop the methods most often on top of the stack
   * @param capillaryInclusive the Capillary methods most often anywhere on the stack
   * @param components each sample charged to the component of its innermost Capillary frame
   *     ({@link #component}); samples without one are the HTTP stack and runtime
   */
  record Profile(String recording, long samples, Map<String, Double> selfTop, Map<String, Double> capillaryInclusive,
      Map<String, Double> components) {}

  /** Components by package prefix, checked in order; the first match names a frame's component. */
  private static final String[][] COMPONENTS = {
      {"org.capillary.gateway.projection.", "projections and compliance (background worker)"},
      {"org.capillary.gateway.compliance.", "projections and compliance (background worker)"},
      {"org.capillary.gateway.events.", "events (background delivery)"},
      {"org.capillary.gateway.receipt.", "receipt signing"},
      {"org.capillary.gateway.store.", "ledger, idempotency and effects (JDBC)"},
      {"org.capillary.gateway.media.", "media references (JDBC)"},
      {"org.capillary.gateway.jws.", "signature (digest, JWS, ES256)"},
      {"org.capillary.spec.validation.", "schema validation"},
      {"org.capillary.gateway.validation.", "schema validation"},
      {"org.capillary.gateway.replay.", "replay cache"},
      {"org.capillary.gateway.ratelimit.", "rate limit"},
      {"org.capillary.gateway.filter.", "guard, parse, authorisation, idempotency filters"},
      {"org.capillary.", "other Capillary code"},
  };

  /**
   * The component a frame belongs to, or {@code null} outside Capillary.
   *
   * @param method the frame's method, e.g. {@code org.capillary.gateway.jws.ContentDigest.of(byte[])}
   * @return the component's name
   */
  static @org.jspecify.annotations.Nullable String component(String method) {
    for (String[] c : COMPONENTS) {
      if (method.startsWith(c[0])) {
        return c[1];
      }
    }
    return null;
  }

  /** Samples without a Capillary frame: Netty, Reactor, Spring WebFlux, JDBC pool, GC-free runtime. */
  static final String OUTSIDE = "HTTP stack and runtime (no Capillary frame)";

  private final Path jdkBin = Path.of(System.getProperty("java.home"), "bin");

  /** Starts a recording with the profiling settings (method sampling every 10-20 ms). */
  void start(long pid, String name) throws IOException, InterruptedException {
    run(List.of(jdkBin.resolve("jcmd").toString(), Long.toString(pid), "JFR.start", "name=" + name, "settings=profile"));
  }

  /** Stops and writes the recording, then summarises it. */
  Profile stop(long pid, String name, Path file) throws IOException, InterruptedException {
    run(List.of(jdkBin.resolve("jcmd").toString(), Long.toString(pid), "JFR.stop", "name=" + name, "filename=" + file));
    String text = run(List.of(jdkBin.resolve("jfr").toString(), "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64",
        file.toString()));
    return summarise(file.toString(), text);
  }

  /**
   * Summarises the text of {@code jfr print --events jdk.ExecutionSample}.
   *
   * @param recording the recording's name, for the report
   * @param text the printed events
   * @return the profile
   */
  static Profile summarise(String recording, String text) {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    Map<String, Long> components = new HashMap<>();
    String[] charged = new String[1];
    long samples = 0;
    boolean inStack = false;
    boolean first = false;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String raw : text.split("\n")) {
      String line = raw.trim();
      if (line.startsWith("stackTrace = [")) {
        if (samples > 0) {
          components.merge(charged[0] == null ? OUTSIDE : charged[0], 1L, Long::sum);
        }
        charged[0] = null;
        inStack = true;
        first = true;
        seen.clear();
        samples++;
        continue;
      }
      if (inStack) {
        if (line.startsWith("]")) {
          inStack = false;
          continue;
        }
        if (line.equals("...")) {
          continue;
        }
        String method = line.replaceAll("\\s+line:.*$", "").trim();
        if (first) {
          self.merge(method, 1L, Long::sum);
          first = false;
        }
        if (method.startsWith("org.capillary.") && seen.add(method)) {
          inclusive.merge(method, 1L, Long::sum);
        }
        if (charged[0] == null) {
          charged[0] = component(method); // the innermost (first printed) Capillary frame decides
        }
      }
    }
    if (samples > 0) {
      components.merge(charged[0] == null ? OUTSIDE : charged[0], 1L, Long::sum);
    }
    return new Profile(recording, samples, top(self, samples, 15), top(inclusive, samples, 15),
        top(components, samples, COMPONENTS.length + 1));
  }

  private static Map<String, Double> top(Map<String, Long> counts, long samples, int n) {
    Map<String, Double> top = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
        .forEach(e -> top.put(e.getKey(), samples == 0 ? 0 : 100.0 * e.getValue() / samples));
    return top;
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(command + " failed: " + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
