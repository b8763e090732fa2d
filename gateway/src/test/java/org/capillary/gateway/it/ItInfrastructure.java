package org.capillary.gateway.it;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * The machine's real services as the process tests use them: PostgreSQL (a schema of its own per
 * test class, dropped afterwards), Redis (only the keys of the test's own connectors are touched,
 * never FLUSHALL: other builds share it), and direct JDBC access to a gateway's ledger.
 */
final class ItInfrastructure {

  /** Overridable with -Dcapillary.test.postgres.url=... (a database, without schema). */
  static final String POSTGRES_URL = System.getProperty("capillary.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
  /** Overridable with -Dcapillary.test.postgres.user=... */
  static final String POSTGRES_USER = System.getProperty("capillary.test.postgres.user", "postgres");
  /** Overridable with -Dcapillary.test.redis.uri=... */
  static final String REDIS_URI = System.getProperty("capillary.test.redis.uri", "redis://127.0.0.1:6379");

  private ItInfrastructure() {}

  /** A fresh schema name (created by the gateway's Flyway). */
  static String freshSchema() {
    return "capillary_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }

  /** The JDBC URL of a schema. */
  static String postgresUrl(String schema) {
    return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** A connection to a schema. */
  static Connection postgres(String schema) throws SQLException {
    return DriverManager.getConnection(postgresUrl(schema), POSTGRES_USER, "");
  }

  /** Drops a schema and everything in it, if it exists. */
  static void dropSchema(String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  /**
   * A connection to the embedded gateway's H2 ledger; the gateway must be stopped (H2 holds a file
   * lock). IFEXISTS: a wrong path fails instead of creating an empty database.
   */
  static Connection h2(Path dataDir) throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ledger")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE", "sa", "");
  }

  /**
   * Deletes the Redis keys of the given connectors: their rate-limit bucket and their replay-cache
   * entries (key layouts of RedisRateLimiter and RedisReplayCache).
   */
  static void deleteRedisKeys(String... connectorIds) {
    RedisClient client = RedisClient.create(REDIS_URI);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RedisCommands<String, String> redis = connection.sync();
      for (String connectorId : connectorIds) {
        redis.del("capillary:rl:" + connectorId);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
          KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches("capillary:jti:" + connectorId + ":*").limit(1000));
          if (!page.getKeys().isEmpty()) {
            redis.del(page.getKeys().toArray(String[]::new));
          }
          cursor = page;
        } while (!cursor.isFinished());
      }
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
