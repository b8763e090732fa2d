package org.capillary.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the JMH jar of the micro module as a child process pinned to core 0 (the load generator's
 * core is idle meanwhile) and reads its JSON results: benchmark name (with parameters) to score.
 */
final class MicroRun {

  /** One JMH result. */
  record Score(String benchmark, double score, double error, String unit) {}

  private MicroRun() {}

  /**
   * @param microJar benchmarks.jar
   * @param out the JSON results file
   * @param quick fewer and shorter iterations
   * @return the scores
   */
  static List<Score> run(Path microJar, Path out, boolean quick, Path log) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("taskset", "-c", "0",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", microJar.toString(), "-f", "1"));
    command.addAll(quick ? List.of("-wi", "1", "-i", "1", "-w", "300ms", "-r", "500ms")
        : List.of("-wi", "2", "-i", "3", "-w", "1s", "-r", "1s"));
    command.addAll(List.of("-rf", "json", "-rff", out.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("JMH failed; see " + log);
    }
    List<Score> scores = new ArrayList<>();
    for (JsonNode r : Bodies.JSON.readTree(out.toFile())) {
      String name = r.get("benchmark").asText().replace("org.capillary.benchmarks.", "");
      Map<String, String> params = new TreeMap<>();
      r.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      if (!params.isEmpty()) {
        name += params.values().stream().reduce("", (a, b) -> a + ":" + b);
      }
      JsonNode m = r.get("primaryMetric");
      double error = m.path("scoreError").isNumber() ? m.get("scoreError").asDouble() : Double.NaN;
      scores.add(new Score(name, m.get("score").asDouble(), error, m.get("scoreUnit").asText()));
    }
    return scores;
  }
}
