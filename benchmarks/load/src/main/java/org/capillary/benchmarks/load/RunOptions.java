package org.capillary.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@link BenchmarkRun}: where things are, and how long each phase lasts.
 *
 * @param quick short phases and a small media file, to try the machinery (numbers meaningless)
 * @param out the report folder
 * @param gatewayJar capillary-gateway.jar
 * @param baselinesJar capillary-baselines.jar
 * @param microJar benchmarks.jar (JMH)
 * @param demoKeys the folder of the demo connectors' private keys
 * @param skip parts to leave out: micro, embedded, production, bare, scg, media
 */
record RunOptions(boolean quick, Path out, Path gatewayJar, Path baselinesJar, Path microJar, Path demoKeys,
    Set<String> skip) {

  Duration warmup() {
    return Duration.ofSeconds(quick ? 5 : 20);
  }

  Duration saturation() {
    return Duration.ofSeconds(quick ? 4 : 15);
  }

  Duration fixedRate() {
    return Duration.ofSeconds(quick ? 4 : 15);
  }

  long mediaBytes() {
    return quick ? 64L << 20 : 1L << 30;
  }

  /**
   * Parses {@code --quick --out DIR --gateway-jar F --baselines-jar F --micro-jar F --demo-keys DIR --skip a,b}.
   *
   * @param args the arguments
   * @return the options
   * @throws IllegalArgumentException for a missing or unknown argument
   */
  static RunOptions parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    boolean quick = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--quick")) {
        quick = true;
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        values.put(args[i].substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Set<String> skip = values.containsKey("skip") ? Set.of(values.remove("skip").split(",")) : Set.of();
    RunOptions options = new RunOptions(quick, path(values, "out"), path(values, "gateway-jar"), path(values, "baselines-jar"),
        path(values, "micro-jar"), path(values, "demo-keys"), skip);
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("unknown arguments " + values.keySet());
    }
    return options;
  }

  private static Path path(Map<String, String> values, String name) {
    String v = values.remove(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return Path.of(v).toAbsolutePath();
  }
}
