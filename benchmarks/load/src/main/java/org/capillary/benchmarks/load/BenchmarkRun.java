package org.capillary.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole benchmark run, as {@code benchmarks/run} starts it (pinned to core 1): micro
 * benchmarks, then each server pinned to core 0 and loaded from here — the gateway on its embedded
 * profile and on PostgreSQL + Redis, the bare WebFlux endpoint, Spring Cloud Gateway — then the
 * media upload; finally {@code report.md} and {@code report.json} in the output folder.
 *
 * <p>Every server gets the same phases: a warm-up (closed loop, so it never leaves a backlog),
 * saturation (closed loop, {@value #IN_FLIGHT} requests in flight; profiled with JFR for the
 * gateway), then open loop at the
 * issue's two rates, 2,500/s and 5,000/s — a rate above 0.8 x the server's saturation is not
 * offered (it would only measure a growing queue) and is reported as such.
 */
public final class BenchmarkRun {

  static final int IN_FLIGHT = 64;
  static final int CONNECTIONS = 128;
  static final int CONNECTORS = 16;
  /** Pre-signed requests per second of a gateway warm-up; running out only ends the warm-up early. */
  static final int WARMUP_BUDGET_PER_SECOND = 4_000;
  static final double[] RATES = {2_500, 5_000};
  /** Pre-signed requests per second of a gateway saturation phase: above any rate it reaches here. */
  static final int SATURATION_BUDGET_PER_SECOND = 9_000;
  static final String POSTGRES_URL = System.getProperty("capillary.bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String POSTGRES_USER = System.getProperty("capillary.bench.postgres.user", "postgres");
  static final String REDIS_URI = System.getProperty("capillary.bench.redis.uri", "redis://127.0.0.1:6379");

  private final RunOptions options;
  private final Results results;
  private final String run = randomRunId();
  private final AtomicLong sequence = new AtomicLong();
  private final Profiler profiler = new Profiler();

  private BenchmarkRun(RunOptions options) {
    this.options = options;
    this.results = new Results(options.quick());
  }

  /**
   * Runs everything and writes the report.
   *
   * @param args see {@link RunOptions#parse}
   * @throws Exception if a part fails (the report is written with what was measured)
   */
  public static void main(String[] args) throws Exception {
    RunOptions options = RunOptions.parse(args);
    Files.createDirectories(options.out());
    BenchmarkRun run = new BenchmarkRun(options);
    try {
      run.all();
    } finally {
      Report.write(run.results, options.out());
      System.out.println("report: " + options.out().resolve("report.md"));
    }
  }

  private void all() throws Exception {
    results.machine.putAll(Machine.describe());
    results.machine.put("loadAverageAtStart", Machine.loadAverage());
    results.versions.putAll(Machine.libraries(options.gatewayJar(), "spring-boot", "reactor-netty-http", "netty-codec-http",
        "nimbus-jose-jwt", "conscrypt-openjdk-uber", "json-schema-validator", "h2", "postgresql", "bucket4j_jdk17-core",
        "lettuce-core"));
    results.versions.putAll(Machine.libraries(options.baselinesJar(), "spring-cloud-gateway-server-webflux"));
    results.started = Instant.now();
    Path tmp = options.out().resolve("tmp");
    Files.createDirectories(tmp);
    if (!options.skip().contains("micro")) {
      step("micro", () -> results.micro.addAll(MicroRun.run(options.microJar(), options.out().resolve("jmh.json"),
          options.quick(), options.out().resolve("jmh.log"))));
    }
    if (!options.skip().contains("embedded")) {
      step("capillary-embedded", () -> gateway("capillary-embedded", List.of(
          "--capillary.gateway.data-dir=" + tmp.resolve("embedded-data"))));
    }
    if (!options.skip().contains("production")) {
      String schema = "capillary_bench_" + run;
      step("capillary-production", () -> {
        try {
          gateway("capillary-production", List.of(
              "--spring.profiles.active=production",
              "--capillary.gateway.data-dir=" + tmp.resolve("production-data"),
              "--spring.datasource.url=" + POSTGRES_URL + "?currentSchema=" + schema,
              "--spring.datasource.username=" + POSTGRES_USER,
              "--spring.datasource.password=",
              "--spring.flyway.schemas=" + schema,
              "--spring.flyway.create-schemas=true",
              "--capillary.gateway.redis.uri=" + REDIS_URI,
              "--capillary.gateway.key-file=" + tmp.resolve("production-key.jwk.json"),
              "--capillary.gateway.create-key-if-missing=true",
              "--capillary.gateway.connectors.seed-file=classpath:connectors/demo-connectors.yaml"));
        } finally {
          dropSchema(schema);
        }
      });
    }
    if (!options.skip().contains("bare")) {
      step("bare-webflux", () -> baseline("bare-webflux", null));
    }
    if (!options.skip().contains("scg")) {
      step("spring-cloud-gateway", () -> {
        try (ServerProcess stub = ServerProcess.start("scg-upstream-stub", "1", options.baselinesJar(),
            List.of("--baseline.mode=bare"), tmp, options.out().resolve("logs"))) {
          baseline("spring-cloud-gateway", stub);
        }
      });
    }
    if (!options.skip().contains("media")) {
      step("media", this::media);
    }
    results.machine.put("loadAverageAtEnd", Machine.loadAverage());
    results.finished = Instant.now();
  }

  private interface Step {
    void run() throws Exception;
  }

  private void step(String name, Step step) {
    System.out.printf(Locale.ROOT, "[%s] %s ...%n", Instant.now(), name);
    try {
      step.run();
    } catch (Exception | Error e) {
      results.errors.put(name, e.toString());
      System.out.printf(Locale.ROOT, "[%s] %s FAILED: %s%n", Instant.now(), name, e);
    }
  }

  private void gateway(String name, List<String> profileArgs) throws Exception {
    List<String> args = new ArrayList<>(profileArgs);
    args.addAll(ratePlans());
    args.add("--logging.level.capillary.access=WARN");
    try (ServerProcess server = ServerProcess.start(name, "0", options.gatewayJar(), args,
        options.out().resolve("tmp").resolve(name), options.out().resolve("logs"))) {
      List<LoadConnector> connectors = new GatewaySetup(server.baseUri(), Clock.systemUTC())
          .registerInsurers(options.demoKeys().resolve("demo-operator-es256-1.jwk.json"), run, CONNECTORS);
      results.notes.put(name, CONNECTORS + " insurers registered through the admin API on rate plan '"
          + GatewaySetup.RATE_PLAN + "' (capacity 100,000,000 per second), each with one policy over "
          + GatewaySetup.PROJECTS_PER_CONNECTOR + " projects (inspections go round-robin over them) and one uploaded photo"
          + " that its inspections (" + connectors.get(0).bodies().inspectionLength() + " bytes) cite six times");
      try (LoadDriver driver = new LoadDriver(server.baseUri().toString(), CONNECTIONS)) {
        results.phases.add(driver.closedLoop(name, "warm-up", signed(connectors, WARMUP_BUDGET_PER_SECOND, options.warmup()),
            IN_FLIGHT, options.warmup()));
        RequestSource saturationRequests = signed(connectors, SATURATION_BUDGET_PER_SECOND, options.saturation());
        profiler.start(server.pid(), name);
        PhaseResult saturation = driver.closedLoop(name, "saturation", saturationRequests, IN_FLIGHT, options.saturation());
        results.profiles.put(name, profiler.stop(server.pid(), name, options.out().resolve(name + ".jfr")));
        results.phases.add(saturation);
        fixedRates(name, driver, saturation.achievedRate(), rate -> signed(connectors, rate, options.fixedRate()));
      }
    }
  }

  private void baseline(String name, ServerProcess upstream) throws Exception {
    List<String> args = upstream == null ? List.of("--baseline.mode=bare")
        : List.of("--baseline.mode=scg", "--baseline.upstream=" + upstream.baseUri());
    try (ServerProcess server = ServerProcess.start(name, "0", options.baselinesJar(), args,
        options.out().resolve("tmp").resolve(name), options.out().resolve("logs"));
        LoadDriver driver = new LoadDriver(server.baseUri().toString(), CONNECTIONS)) {
      // The same kind of signed requests, from a cycled pool: a baseline checks nothing.
      List<LoadConnector> signers = List.of(new LoadConnector("baseline", List.of("FT-BASELINE-1"),
          new RequestSigner(newKey(), Clock.systemUTC()), new Bodies("med-baseline-photo", "0".repeat(64))));
      RequestSource pool = RequestSource.signed(signers, run, sequence, 20_000, true);
      results.phases.add(driver.closedLoop(name, "warm-up", pool, IN_FLIGHT, options.warmup()));
      PhaseResult saturation = driver.closedLoop(name, "saturation", pool, IN_FLIGHT, options.saturation());
      results.phases.add(saturation);
      fixedRates(name, driver, saturation.achievedRate(), rate -> pool);
    }
  }

  private interface Sources {
    RequestSource forRate(double rate);
  }

  private void fixedRates(String name, LoadDriver driver, double saturation, Sources sources) throws InterruptedException {
    for (double rate : RATES) {
      if (rate > 0.8 * saturation) {
        results.notOffered.put(name + " rate-" + (int) rate, String.format(Locale.ROOT,
            "not offered: above 0.8 x the saturation throughput (%.0f/s)", saturation));
        continue;
      }
      results.phases.add(driver.openLoop(name, "rate-" + (int) rate, sources.forRate(rate), rate, options.fixedRate()));
    }
  }

  private RequestSource signed(List<LoadConnector> connectors, double rate, Duration duration) {
    int count = (int) Math.ceil(rate * duration.toNanos() / 1e9);
    return RequestSource.signed(connectors, run, sequence, count, false);
  }

  private void media() throws Exception {
    Path tmp = options.out().resolve("tmp");
    try (ServerProcess server = ServerProcess.start("capillary-media", "0", options.gatewayJar(),
        List.of("--capillary.gateway.data-dir=" + tmp.resolve("media-data")), tmp.resolve("capillary-media"),
        options.out().resolve("logs"))) {
      results.media = new MediaRun(tmp, options.mediaBytes(), 16 << 20)
          .run(server, options.demoKeys().resolve("demo-insurer-a-es256-1.jwk.json"));
    }
  }

  private static List<String> ratePlans() {
    // Configuring any plan replaces the defaults: the yaml's three again, plus the load plan.
    Map<String, String> plans = new LinkedHashMap<>();
    plans.put("standard", "100");
    plans.put("devices", "500");
    plans.put("operator", "50");
    plans.put(GatewaySetup.RATE_PLAN, "100000000");
    List<String> args = new ArrayList<>();
    plans.forEach((plan, capacity) -> {
      args.add("--capillary.gateway.rate-limit.plans." + plan + ".capacity=" + capacity);
      args.add("--capillary.gateway.rate-limit.plans." + plan + ".window=1s");
    });
    return args;
  }

  private static void dropSchema(String schema) {
    try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (Exception e) {
      System.out.println("could not drop schema " + schema + ": " + e);
    }
  }

  private static com.nimbusds.jose.jwk.ECKey newKey() throws com.nimbusds.jose.JOSEException {
    return new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).keyID("baseline-es256").generate();
  }

  private static String randomRunId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      b.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** Everything measured, for the report. */
  static final class Results {
    final boolean quick;
    final Map<String, Object> machine = new LinkedHashMap<>();
    final Map<String, String> versions = new LinkedHashMap<>();
    final List<MicroRun.Score> micro = new ArrayList<>();
    final List<PhaseResult> phases = new ArrayList<>();
    final Map<String, Profiler.Profile> profiles = new LinkedHashMap<>();
    final Map<String, String> notOffered = new LinkedHashMap<>();
    final Map<String, String> notes = new LinkedHashMap<>();
    final Map<String, String> errors = new LinkedHashMap<>();
    MediaRun.Result media;
    Instant started = Instant.now();
    Instant finished = Instant.now();

    Results(boolean quick) {
      this.quick = quick;
    }
  }
}
