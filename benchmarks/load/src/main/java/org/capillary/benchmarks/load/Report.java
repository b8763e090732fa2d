package org.capillary.benchmarks.load;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code report.md} and {@code report.json}: machine, versions, every figure beside its
 * baseline with the ratio, and each target of issue #9 as met or missed (with the profile of the
 * gateway at saturation where a throughput target is missed).
 */
final class Report {

  /** A target of the issue and its verdict. */
  record Target(String target, String measured, String verdict) {}

  /** What would move a missed throughput target, per component of the profile. */
  private static final String LEVERS = """
      The gateway runs on one core, so its throughput is 1 / (CPU per submission): each component's
      share below is its share of that cost. What would move each, if it dominates:

      - **HTTP stack and runtime**: the bare endpoint's saturation is the ceiling of anything on this
        stack; the gateway cannot exceed it (ratio to bare = the share of CPU left to the stack).
      - **ledger, idempotency and effects (JDBC)**: several statements and two transactions per
        submission (idempotency begin, then ledger + outbox + effects + completion); group commit
        (several submissions per transaction, each receipt released after the commit) or folding the
        idempotency record into the ledger transaction cuts round trips without giving up durability.
      - **projections and compliance (background worker)**: it shares the core with intake; run it
        on another replica/core or trigger it after appends instead of polling.
      - **schema validation**: networknt on the parsed tree; compiled schemas are cached already, the
        remaining lever is fewer keyword evaluations (e.g. format checks) or a generated validator.
      - **signature**: ES256 verify on Conscrypt, digest and base64url of the body; little left.
      - **receipt signing**: ES256 on Conscrypt already (the JDK provider would cost ~10x).
      """;

  private Report() {}

  static void write(BenchmarkRun.Results r, Path out) throws IOException {
    List<Target> targets = targets(r);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("mode", r.quick ? "quick (machinery check; numbers not meaningful)" : "full");
    json.put("started", r.started.toString());
    json.put("finished", r.finished.toString());
    json.put("machine", r.machine);
    json.put("versions", r.versions);
    json.put("targets", targets);
    json.put("ratios", ratios(r));
    json.put("phases", r.phases);
    json.put("notOffered", r.notOffered);
    json.put("micro", r.micro);
    json.put("media", r.media);
    json.put("profiles", r.profiles);
    json.put("notes", r.notes);
    json.put("errors", r.errors);
    Bodies.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("report.json").toFile(), json);
    Files.writeString(out.resolve("report.md"), markdown(r, targets), StandardCharsets.UTF_8);
  }

  private static Optional<PhaseResult> phase(BenchmarkRun.Results r, String server, String phase) {
    return r.phases.stream().filter(p -> p.server().equals(server) && p.phase().equals(phase)).findFirst();
  }

  private static double saturation(BenchmarkRun.Results r, String server) {
    return phase(r, server, "saturation").map(PhaseResult::achievedRate).orElse(Double.NaN);
  }

  private static Map<String, Double> ratios(BenchmarkRun.Results r) {
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (String g : List.of("capillary-embedded", "capillary-production")) {
      ratios.put(g + " / bare-webflux", saturation(r, g) / saturation(r, "bare-webflux"));
      ratios.put(g + " / spring-cloud-gateway", saturation(r, g) / saturation(r, "spring-cloud-gateway"));
    }
    ratios.put("spring-cloud-gateway / bare-webflux", saturation(r, "spring-cloud-gateway") / saturation(r, "bare-webflux"));
    return ratios;
  }

  private static List<Target> targets(BenchmarkRun.Results r) {
    List<Target> t = new ArrayList<>();
    for (String g : List.of("capillary-embedded", "capillary-production")) {
      double sat = saturation(r, g);
      Optional<PhaseResult> at5000 = phase(r, g, "rate-5000");
      String measured = String.format(Locale.ROOT, "saturation %.0f/s; at 5,000/s offered: %s", sat,
          at5000.map(p -> String.format(Locale.ROOT, "%.0f/s, %d failed", p.achievedRate(), failed(p)))
              .orElse(r.notOffered.getOrDefault(g + " rate-5000", "not run")));
      boolean met = at5000.map(p -> p.achievedRate() >= 0.98 * 5000 && failed(p) == 0).orElse(false);
      t.add(new Target(g + ": >= 5,000 signed, validated, durably stored submissions/s", measured, verdict(sat, met)));
      Optional<PhaseResult> at2500 = phase(r, g, "rate-2500");
      t.add(new Target(g + ": p99 <= 25 ms at 2,500/s",
          at2500.map(p -> String.format(Locale.ROOT, "p99 %.1f ms (p50 %.1f, p99.9 %.1f), %.0f/s achieved, %d failed",
              p.p99Ms(), p.p50Ms(), p.p999Ms(), p.achievedRate(), failed(p)))
              .orElse(r.notOffered.getOrDefault(g + " rate-2500", "not run")),
          verdict(sat, at2500.map(p -> p.p99Ms() <= 25 && failed(p) == 0 && p.achievedRate() >= 0.98 * 2500).orElse(false))));
    }
    Map<String, Double> ratios = ratios(r);
    double bare = ratios.get("capillary-embedded / bare-webflux");
    t.add(new Target("capillary-embedded >= 0.25 x the bare endpoint (saturation, same run)",
        String.format(Locale.ROOT, "%.3f x (%.0f vs %.0f/s)", bare, saturation(r, "capillary-embedded"), saturation(r, "bare-webflux")),
        verdict(bare, bare >= 0.25)));
    double scg = ratios.get("capillary-embedded / spring-cloud-gateway");
    t.add(new Target("capillary-embedded >= 1.5 x Spring Cloud Gateway proxying (saturation, same run)",
        String.format(Locale.ROOT, "%.3f x (%.0f vs %.0f/s)", scg, saturation(r, "capillary-embedded"),
            saturation(r, "spring-cloud-gateway")), verdict(scg, scg >= 1.5)));
    if (r.media != null) {
      MediaRun.Result m = r.media;
      double growth = m.rssPeakDuringMiB() - m.rssBeforeMiB();
      t.add(new Target("media >= 0.8 x direct disk writes, flat memory",
          String.format(Locale.ROOT, "%.2f x (%.0f vs %.0f MiB/s); RSS %.0f MiB before, peak %.0f during (+%.0f MiB for a %.0f MiB file); heap peak %.0f MiB",
              m.ratio(), m.gatewayMiBps(), m.directMiBps(), m.rssBeforeMiB(), m.rssPeakDuringMiB(), growth,
              m.bytes() / 1048576.0, m.heapPeakMiB()),
          (m.ratio() >= 0.8 ? "met" : "missed") + " (throughput); " + (growth <= 256 ? "met" : "missed")
              + " (memory: flat = RSS growth <= 256 MiB)"));
    } else {
      t.add(new Target("media >= 0.8 x direct disk writes, flat memory", "not run", "not measured"));
    }
    Optional<Double> signed = micro(r, "SdkCallBenchmark.signed:ES256");
    Optional<Double> unsigned = micro(r, "SdkCallBenchmark.unsigned:ES256");
    if (signed.isPresent() && unsigned.isPresent()) {
      double overhead = signed.get() - unsigned.get();
      t.add(new Target("SDK signing + idempotency <= 0.2 ms per call (ES256)",
          String.format(Locale.ROOT, "%.1f µs (signed %.1f µs - unsigned %.1f µs)%s", overhead, signed.get(), unsigned.get(),
              sdkOthers(r)), overhead <= 200 ? "met" : "missed"));
    } else {
      t.add(new Target("SDK signing + idempotency <= 0.2 ms per call", "not run", "not measured"));
    }
    return t;
  }

  private static String sdkOthers(BenchmarkRun.Results r) {
    StringBuilder b = new StringBuilder();
    for (String alg : List.of("PS256", "EdDSA")) {
      Optional<Double> s = micro(r, "SdkCallBenchmark.signed:" + alg);
      Optional<Double> u = micro(r, "SdkCallBenchmark.unsigned:" + alg);
      if (s.isPresent() && u.isPresent()) {
        b.append(String.format(Locale.ROOT, "; %s %.1f µs", alg, s.get() - u.get()));
      }
    }
    return b.toString();
  }

  private static Optional<Double> micro(BenchmarkRun.Results r, String name) {
    return r.micro.stream().filter(s -> s.benchmark().equals(name)).map(MicroRun.Score::score).findFirst();
  }

  private static String verdict(double measured, boolean met) {
    if (Double.isNaN(measured)) {
      return "not measured";
    }
    return met ? "met" : "missed";
  }

  private static long failed(PhaseResult p) {
    return p.sent() - p.ok(); // refusals, errors, and requests still unanswered at the end
  }

  private static String markdown(BenchmarkRun.Results r, List<Target> targets) {
    StringBuilder b = new StringBuilder();
    b.append("# Capillary benchmark report\n\n");
    if (r.quick) {
      b.append("**Quick mode**: phases of a few seconds and a 64 MiB media file, to check the machinery. "
          + "The numbers below are not measurements; run `benchmarks/run` (full) on a quiet machine.\n\n");
    }
    b.append("Run ").append(r.started).append(" → ").append(r.finished).append(".\n\n");
    b.append("## Machine\n\n| | |\n| --- | --- |\n");
    r.machine.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    b.append("| placement | each server `taskset -c 0`; load generator (and the SCG upstream stub) `taskset -c 1`; "
        + "PostgreSQL and Redis unpinned |\n");
    b.append("\n## Versions\n\n| library | version |\n| --- | --- |\n");
    r.versions.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));

    b.append("\n## Targets (issue #9)\n\n| target | measured | verdict |\n| --- | --- | --- |\n");
    targets.forEach(t -> b.append("| ").append(t.target()).append(" | ").append(t.measured()).append(" | **")
        .append(t.verdict()).append("** |\n"));

    b.append("\n## Load: side by side\n\nWarm-up and saturation: closed loop, ").append(BenchmarkRun.IN_FLIGHT)
        .append(" requests in flight (latency from the actual send). Fixed rates: open loop, latency from the intended send time (HdrHistogram), ")
        .append(BenchmarkRun.CONNECTIONS).append(" connections. Every request a signed inspection (3.7 KB): distinct ")
        .append("(fresh inspection id, Idempotency-Key, jti) for the gateway, a cycled pool of 20,000 for the baselines.\n\n");
    b.append("| server | phase | offered/s | achieved/s | p50 ms | p99 ms | p99.9 ms | max ms | sent | 201 | other |\n");
    b.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (PhaseResult p : r.phases) {
      b.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %d | %s%s |\n",
          p.server(), p.phase(), p.mode().equals("open") ? String.format(Locale.ROOT, "%.0f", p.offeredRate()) : "closed " + p.concurrency(),
          p.achievedRate(), p.p50Ms(), p.p99Ms(), p.p999Ms(), p.maxMs(), p.sent(), p.ok(),
          p.failures().isEmpty() ? "" : p.failures().toString(), p.exhausted() ? " (ran out of pre-signed requests: a lower bound)" : ""));
    }
    r.notOffered.forEach((k, v) -> b.append("| ").append(k).append(" | | | | | | | | | | ").append(v).append(" |\n"));
    r.phases.stream().filter(p -> !p.failureSamples().isEmpty()).forEach(p -> {
      b.append("\nRefusals of ").append(p.server()).append(" / ").append(p.phase()).append(" (first few):\n\n");
      p.failureSamples().forEach(s -> b.append("    ").append(s.replace("\n", " ")).append('\n'));
    });
    b.append("\n| ratio (saturation throughput) | value |\n| --- | ---: |\n");
    ratios(r).forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %.3f |\n", k, v)));

    if (!r.profiles.isEmpty()) {
      b.append("\n## Where the gateway's time goes at saturation (JFR execution samples)\n\n");
      b.append(LEVERS);
      r.profiles.forEach((server, p) -> {
        b.append("\n### ").append(server).append(" (").append(p.samples()).append(" samples, `").append(p.recording())
            .append("`)\n\n| top frame (self) | % of samples |\n| --- | ---: |\n");
        p.selfTop().forEach((m, v) -> b.append(String.format(Locale.ROOT, "| `%s` | %.1f |\n", m, v)));
        b.append("\n| component (innermost Capillary frame) | % of samples |\n| --- | ---: |\n");
        p.components().forEach((m, v) -> b.append(String.format(Locale.ROOT, "| %s | %.1f |\n", m, v)));
        b.append("\n| Capillary method on the stack (inclusive) | % of samples |\n| --- | ---: |\n");
        p.capillaryInclusive().forEach((m, v) -> b.append(String.format(Locale.ROOT, "| `%s` | %.1f |\n", m, v)));
      });
    }

    b.append("\n## Micro (JMH, one fork, pinned to core 0)\n\n| benchmark | score | ± | unit |\n| --- | ---: | ---: | --- |\n");
    for (MicroRun.Score s : r.micro) {
      b.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s |\n", s.benchmark(), s.score(), s.error(), s.unit()));
    }
    if (r.media != null) {
      MediaRun.Result m = r.media;
      b.append(String.format(Locale.ROOT, "\n## Media\n\n%.0f MiB of random bytes in %d MiB chunks, each chunk forced to disk "
          + "(fsync) in both; SHA-256 computed beforehand, not timed.\n\n| | MiB/s |\n| --- | ---: |\n"
          + "| direct write (FileChannel + force per chunk) | %.1f |\n| through the gateway (SDK tus upload) | %.1f |\n"
          + "| ratio | %.2f |\n\n| gateway memory | MiB |\n| --- | ---: |\n| RSS before | %.0f |\n| RSS peak during | %.0f |\n"
          + "| VmHWM after (peak since start) | %.0f |\n| heap in use, peak sampled | %.0f |\n| heap limit | %.0f |\n",
          m.bytes() / 1048576.0, m.chunkBytes() >> 20, m.directMiBps(), m.gatewayMiBps(), m.ratio(), m.rssBeforeMiB(),
          m.rssPeakDuringMiB(), m.hwmAfterMiB(), m.heapPeakMiB(), m.heapMaxMiB()));
    }
    if (!r.notes.isEmpty() || !r.errors.isEmpty()) {
      b.append("\n## Notes and errors\n\n");
      r.notes.forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
      r.errors.forEach((k, v) -> b.append("- **").append(k).append(" failed**: ").append(v).append('\n'));
    }
    return b.toString();
  }
}
