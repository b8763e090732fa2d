package org.capillary.gateway.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged gateway ({@code java -jar capillary-gateway.jar}) running as a child process of the
 * test, on a free port, with its output in a log file next to the jar ({@code it-logs/}).
 *
 * <p>Lifecycle: {@link Builder#start()} launches the process and returns once
 * {@code /actuator/health/readiness} answers 200 (or throws with the log's tail, the process
 * killed). {@link #kill()} sends SIGKILL (the JDK's {@link Process#destroyForcibly()} on Linux: no
 * shutdown hook, no graceful shutdown, no flush), {@link #stop()} sends SIGTERM and waits for the
 * graceful shutdown. {@link #close()} kills what is still alive; a JVM shutdown hook does the same
 * for every process a test forgot, so a failing test leaves no orphan gateway behind.
 */
public final class GatewayProcess implements AutoCloseable {

  /** How long a start may take before the test fails (a loaded 2-core machine starts in ~10 s). */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private static final Set<GatewayProcess> LIVE = ConcurrentHashMap.newKeySet();
  private static final AtomicInteger STARTS = new AtomicInteger();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(GatewayProcess::close), "gateway-process-reaper"));
  }

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;
  private final long launchedAt;
  private volatile Duration startup = Duration.ZERO;

  private GatewayProcess(String name, Process process, int port, Path log, long launchedAt) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
    this.launchedAt = launchedAt;
  }

  /**
   * A gateway on its embedded defaults: H2 file database and gateway key in {@code dataDir}.
   *
   * @param name a name for logs and messages
   * @param dataDir the data folder (kept across restarts)
   * @return the builder
   */
  public static Builder embedded(String name, Path dataDir) {
    return new Builder(name, dataDir).property("capillary.gateway.data-dir", dataDir.toString());
  }

  /**
   * A gateway on the production profile: PostgreSQL in its own schema, the machine's Redis, the
   * given gateway key file (created by the first replica that starts), and the demo connectors
   * seeded (the production profile seeds none) so that tests can sign as the demo operator.
   *
   * @param name a name for logs and messages
   * @param workDir a folder for the process (its working directory and data folder)
   * @param schema the PostgreSQL schema (created by Flyway if absent)
   * @param keyFile the gateway key file shared by the replicas
   * @return the builder
   */
  public static Builder production(String name, Path workDir, String schema, Path keyFile) {
    // Production never creates its key: provision the shared one, as an operator would.
    org.capillary.gateway.receipt.GatewaySigningKey.loadOrCreate(keyFile);
    return new Builder(name, workDir)
        .property("spring.profiles.active", "production")
        .property("capillary.gateway.data-dir", workDir.toString())
        .property("spring.datasource.url", ItInfrastructure.postgresUrl(schema))
        .property("spring.datasource.username", ItInfrastructure.POSTGRES_USER)
        .property("spring.datasource.password", "")
        .property("spring.datasource.hikari.maximum-pool-size", "4")
        .property("spring.flyway.schemas", schema)
        .property("spring.flyway.create-schemas", "true")
        .property("capillary.gateway.redis.uri", ItInfrastructure.REDIS_URI)
        // the machine runs other builds at the same time: a Redis round trip slower than the
        // production default (200 ms) must not turn into SERVICE_UNAVAILABLE here
        .property("capillary.gateway.redis.command-timeout", "PT2S")
        .property("capillary.gateway.redis.connect-timeout", "PT2S")
        .property("capillary.gateway.key-file", keyFile.toString())
        .property("capillary.gateway.connectors.seed-file", "classpath:connectors/demo-connectors.yaml");
  }

  /** Builds the command line of a gateway; each {@link #start()} launches a new process. */
  public static final class Builder {

    private final String name;
    private final Path workDir;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder(String name, Path workDir) {
      this.name = name;
      this.workDir = workDir;
    }

    /**
     * Sets a Spring property on the command line ({@code --key=value}).
     *
     * @param key the property
     * @param value its value
     * @return this builder
     */
    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /**
     * Starts a process on a free port and waits until it is ready. The port is free when chosen,
     * but another process may take it before the gateway binds it: then it starts again on
     * another port (at most twice).
     *
     * @return the running gateway
     * @throws IllegalStateException if it exits or is not ready within {@link #READY_TIMEOUT}
     */
    public GatewayProcess start() {
      for (int attempt = 1; ; attempt++) {
        try {
          return startOnce();
        } catch (PortTakenException e) {
          if (attempt == 3) {
            throw e;
          }
        }
      }
    }

    private GatewayProcess startOnce() {
      Path jar = jar();
      int port = freePort();
      Path logDir = jar.toAbsolutePath().getParent().resolve("it-logs");
      Path log = logDir.resolve(name + "-" + STARTS.incrementAndGet() + ".log");
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      command.add("-Xmx256m");
      command.add("-XX:+ExitOnOutOfMemoryError");
      // a test machine with two cores and other builds running: start fast, few GC threads
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-XX:+UseSerialGC");
      command.add("-jar");
      command.add(jar.toString());
      command.add("--server.port=" + port);
      properties.forEach((k, v) -> command.add("--" + k + "=" + v));
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
      // the gateway's YAML reads these variables; the test's command line must be the only input
      builder.environment().keySet().removeIf(k -> k.startsWith("CAPILLARY_") || k.startsWith("SPRING_") || k.equals("PORT"));
      long begin = System.nanoTime();
      Process process;
      try {
        Files.createDirectories(logDir);
        Files.createDirectories(workDir);
        process = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start " + command, e);
      }
      GatewayProcess gateway = new GatewayProcess(name, process, port, log, begin);
      LIVE.add(gateway);
      try {
        gateway.awaitReady();
      } catch (RuntimeException | Error e) {
        gateway.close();
        throw e;
      }
      return gateway;
    }
  }

  /** The base URI, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The port. */
  public int port() {
    return port;
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /** How long the start took, from launch to ready. */
  public Duration startup() {
    return startup;
  }

  /** Whether the process is running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The log file. */
  public Path log() {
    return log;
  }

  /**
   * Kills the process with SIGKILL and waits for it to be gone.
   *
   * @return the exit value (137 = 128 + SIGKILL on Linux)
   */
  public int kill() {
    process.destroyForcibly();
    return awaitExit(Duration.ofSeconds(20));
  }

  /**
   * Stops the process with SIGTERM (graceful shutdown), killing it if it has not exited in 30 s.
   *
   * @return the exit value
   */
  public int stop() {
    process.destroy();
    try {
      if (process.waitFor(30, TimeUnit.SECONDS)) {
        LIVE.remove(this);
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return kill();
  }

  /** Kills the process if it is still running. Idempotent. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    LIVE.remove(this);
  }

  /** The last lines of the log, for failure messages. */
  public String logTail() {
    return tail(log, 60);
  }

  @Override
  public String toString() {
    return name + "(pid " + process.pid() + ", port " + port + ")";
  }

  private int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(this + " did not exit within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    LIVE.remove(this);
    return process.exitValue();
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe = HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(3)).GET().build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String tail = logTail();
        if (tail.contains("Port " + port + " was already in use") || tail.contains("Address already in use")) {
          throw new PortTakenException(this + " could not bind its port:\n" + tail);
        }
        throw new IllegalStateException(this + " exited with " + process.exitValue() + " before it was ready:\n" + tail);
      }
      try {
        if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          startup = Duration.ofNanos(System.nanoTime() - launchedAt);
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(this + " not ready within " + READY_TIMEOUT + ":\n" + logTail());
  }

  /** The chosen port was taken by another process before the gateway could bind it. */
  private static final class PortTakenException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortTakenException(String message) {
      super(message);
    }
  }

  private static Path jar() {
    String jar = System.getProperty("capillary.gateway.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("system property capillary.gateway.jar must name the packaged gateway"
          + " (run with mvn verify: failsafe sets it), was " + jar);
    }
    return Path.of(jar);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e + ")";
    }
  }
}
