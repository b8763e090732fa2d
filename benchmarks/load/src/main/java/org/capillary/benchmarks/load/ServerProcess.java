package org.capillary.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test as a child process ({@code taskset -c <cpu> java ... -jar <jar>}) on a free
 * port, its output in a log file; {@link #start} returns once {@code /actuator/health/readiness}
 * answers 200. {@link #close()} sends SIGTERM, then SIGKILL after 20 s.
 */
final class ServerProcess implements AutoCloseable {

  /** JVM options every server gets, so the comparison is of code, not of settings. */
  static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+ExitOnOutOfMemoryError");

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts a server and waits until it is ready.
   *
   * @param name its name (log file name)
   * @param cpu the CPU list for taskset, e.g. {@code 0}; empty to run unpinned
   * @param jar the executable jar
   * @param args arguments after the jar; {@code --server.port} is added
   * @param workDir the working directory
   * @param logDir where the log goes
   * @return the ready server
   * @throws IllegalStateException if it exits or is not ready within 120 s
   */
  static ServerProcess start(String name, String cpu, Path jar, List<String> args, Path workDir, Path logDir)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    if (!cpu.isEmpty()) {
      command.addAll(List.of("taskset", "-c", cpu));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.addAll(args);
    Files.createDirectories(workDir);
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    // the gateway's YAML reads these variables; the command line must be the only input
    builder.environment().keySet().removeIf(k -> k.startsWith("CAPILLARY_") || k.startsWith("SPRING_") || k.equals("PORT"));
    ServerProcess server = new ServerProcess(name, builder.start(), port, log);
    try {
      server.awaitReady(Duration.ofSeconds(120));
    } catch (RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  String name() {
    return name;
  }

  /** The process id (of the JVM: taskset execs it). */
  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /**
   * A field of {@code /proc/<pid>/status} in KiB, e.g. {@code VmHWM} (peak resident set) or {@code VmRSS}.
   *
   * @param field the field name
   * @return the value in KiB, or -1 if unreadable
   */
  long procStatusKib(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe = HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness")).timeout(Duration.ofSeconds(3)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
