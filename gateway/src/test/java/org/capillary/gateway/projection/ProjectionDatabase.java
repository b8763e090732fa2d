package org.capillary.gateway.projection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A migrated database for one test class: H2 in memory (the embedded profile's options), or a
 * schema of its own in the machine's PostgreSQL, dropped on close (like store/TestDatabase, which
 * is package-private there). PostgreSQL at -Dcapillary.test.postgres.url (default
 * jdbc:postgresql://127.0.0.1:5432/test); the test fails, rather than skips, without it.
 */
public final class ProjectionDatabase implements AutoCloseable {

  private static final String POSTGRES_URL =
      System.getProperty("capillary.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");

  private final HikariDataSource dataSource;
  private final Runnable cleanup;

  private ProjectionDatabase(HikariDataSource dataSource, Runnable cleanup) {
    this.dataSource = dataSource;
    this.cleanup = cleanup;
  }

  /** H2 in memory, migrated on a connection that is then closed (as in the application). */
  public static ProjectionDatabase h2() {
    String url = "jdbc:h2:mem:prj_" + UUID.randomUUID().toString().replace("-", "")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    HikariDataSource ds = pool(url, "sa", null);
    JdbcDataSource migrator = new JdbcDataSource();
    migrator.setURL(url);
    migrator.setUser("sa");
    Flyway.configure().dataSource(migrator).locations("classpath:db/migration").load().migrate();
    return new ProjectionDatabase(ds, () -> JdbcClient.create(ds).sql("SHUTDOWN").update());
  }

  /** A fresh schema in the machine's PostgreSQL. */
  public static ProjectionDatabase postgres() {
    String schema = "capillary_p_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toLowerCase(Locale.ROOT);
    String user = System.getProperty("capillary.test.postgres.user", "postgres");
    try (HikariDataSource admin = pool(POSTGRES_URL, user, null)) {
      JdbcClient.create(admin).sql("CREATE SCHEMA " + schema).update();
    }
    HikariDataSource ds = pool(POSTGRES_URL, user, schema);
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").schemas(schema).defaultSchema(schema)
        .createSchemas(false).load().migrate();
    return new ProjectionDatabase(ds, () -> JdbcClient.create(ds).sql("DROP SCHEMA " + schema + " CASCADE").update());
  }

  public DataSource dataSource() {
    return dataSource;
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
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(5_000);
    if (schema != null) {
      config.setSchema(schema);
    }
    return new HikariDataSource(config);
  }
}
