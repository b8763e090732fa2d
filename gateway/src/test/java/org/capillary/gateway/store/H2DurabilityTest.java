package org.capillary.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The embedded database keeps every acknowledged append through a SIGKILL. H2 by default delays
 * writing committed transactions by up to WRITE_DELAY (500 ms), which a killed process loses;
 * the recommended URL sets WRITE_DELAY=0. A child JVM appends and prints each acknowledged
 * submission; it is killed with SIGKILL mid-stream, and every printed submission must be there,
 * byte for byte.
 */
class H2DurabilityTest {

  /** The options of the embedded default's URL (application.yaml), after the file location. */
  static final String DURABLE_OPTIONS = TestDatabase.H2_OPTIONS + ";WRITE_DELAY=0";

  static String url(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("capillary").toAbsolutePath() + DURABLE_OPTIONS;
  }

  static byte[] body(long i) {
    byte[] b = ("{\"i\":" + i + ",\"raw\":\"").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[b.length + 3];
    System.arraycopy(b, 0, out, 0, b.length);
    out[b.length] = (byte) 0xFF; // not UTF-8, on purpose
    out[b.length + 1] = '"';
    out[b.length + 2] = '}';
    return out;
  }

  /** The child: appends until killed, printing "index submissionId" after each commit. */
  public static void main(String[] args) throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(args[0]);
    ds.setUser("sa");
    // H2 closes a database with its last connection; one held open stands in for the pool
    Connection held = ds.getConnection();
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    Scheduler scheduler = Schedulers.newBoundedElastic(1, 10, "capillary-store");
    JdbcLedger ledger = new JdbcLedger(ds, new DataSourceTransactionManager(ds), scheduler,
        Clock.systemUTC(), StoreProperties.defaults());
    System.out.println("ready");
    System.out.flush();
    for (long i = 0; ; i++) {
      StoredSubmission s = ledger.append(
          Stores.submission("c1", "k-" + i, "op", body(i)), Stores::receipt).block();
      System.out.println(i + " " + s.submissionId());
      System.out.flush();
      if (held.isClosed()) {
        return;
      }
    }
  }

  @Test
  void everyAcknowledgedAppendSurvivesSigkill(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        H2DurabilityTest.class.getName(), url(dir))
        .redirectError(dir.resolve("child.err").toFile())
        .start();
    List<String[]> acknowledged = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      String line;
      while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
        if (line.matches("\\d+ sub_\\w{26}")) { // skip the child's log lines
          acknowledged.add(line.split(" "));
        }
        if (acknowledged.size() == 300) {
          child.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(acknowledged).as("the child appended; its stderr: %s",
        Files.readString(dir.resolve("child.err"))).hasSize(300);
    assertThat(Files.exists(dir.resolve("capillary.mv.db"))).isTrue();

    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url(dir));
    ds.setUser("sa");
    Scheduler scheduler = Schedulers.newBoundedElastic(1, 10, "capillary-store-check");
    try (Connection held = ds.getConnection()) {
      JdbcLedger ledger = new JdbcLedger(ds, new DataSourceTransactionManager(ds), scheduler,
          Clock.systemUTC(), StoreProperties.defaults());
      for (String[] ack : acknowledged) {
        StoredSubmission s = ledger.find(ack[1]).block().orElseThrow(
            () -> new AssertionError("acknowledged but lost: " + ack[1]));
        assertThat(s.body()).isEqualTo(body(Long.parseLong(ack[0])));
      }
    } finally {
      scheduler.dispose();
    }
  }
}
