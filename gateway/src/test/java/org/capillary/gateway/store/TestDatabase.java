package org.capillary.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A migrated database for one test class: H2 in memory, or a schema of its own in the machine's
 * PostgreSQL (dropped on {@link #close()}), both migrated by Flyway from the gateway's
 * {@code db/migration} — whatever migration files are there.
 */
final class TestDatabase implements AutoCloseable {

  /** The connection options of the embedded default profile, minus the file location. */
  static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /** Overridable with -Dcapillary.test.postgres.url=... */
  static final String POSTGRES_URL =
      System.getProperty("capillary.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");

  private static final int POOL = 25;

  private final HikariDataSource dataSource;
  private final Runnable cleanup;

  private TestDatabase(HikariDataSource dataSource, Runnable cleanup) {
    this.dataSource = dataSource;
    this.cleanup = cleanup;
  }

  static TestDatabase h2() {
    String url = "jdbc:h2:mem:store_" + UUID.randomUUID().toString().replace("-", "")
        + H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
    HikariDataSource ds = pool(url, "sa", null);
    // Migrate on a connection of its own that is then closed, as happens in the application when
    // the pool retires Flyway's connection: H2 2.4.240 breaks CHECK constraints whose creating
    // session has closed (h2database#4302, #4342), and this makes such a migration fail here.
    JdbcDataSource migrator = new JdbcDataSource();
    migrator.setURL(url);
    migrator.setUser("sa");
    migrate(migrator, null);
    return new TestDatabase(ds, () -> JdbcClient.create(ds).sql("SHUTDOWN").update());
  }

  static TestDatabase postgres() {
    String schema = "capillary_t_" + UUID.randomUUID().toString().replace("-", "")
        .substring(0, 12).toLowerCase(Locale.ROOT);
    String user = System.getProperty("capillary.test.postgres.user", "postgres");
    try (HikariDataSource admin = pool(POSTGRES_URL, user, null)) {
      JdbcClient.create(admin).sql("CREATE SCHEMA " + schema).update();
    }
    HikariDataSource ds = pool(POSTGRES_URL, user, schema);
    migrate(ds, schema);
    return new TestDatabase(ds, () -> {
      JdbcClient.create(ds).sql("DROP SCHEMA " + schema + " CASCADE").update();
    });
  }

  DataSource dataSource() {
    return dataSource;
  }

  int poolSize() {
    return POOL;
  }

  @Override
  public void close() {
    try {
      cleanup.run();
    } finally {
      dataSource.close();
    }
  }

  private static HikariDataSource pool(String url, String user, String schema) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setMaximumPoolSize(POOL);
    config.setConnectionTimeout(5_000);
    if (schema != null) {
      config.setSchema(schema);
    }
    return new HikariDataSource(config);
  }

  private static void migrate(DataSource ds, String schema) {
    var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    if (schema != null) {
      flyway.schemas(schema).defaultSchema(schema).createSchemas(false);
    }
    flyway.load().migrate();
  }
}
