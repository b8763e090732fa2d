package org.capillary.gateway.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway on the production profile against the machine's PostgreSQL (a schema of its own,
 * dropped when the gateway stops, right after the test class) and a Redis chosen by the subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.profiles.active=production"})
@AutoConfigureWebTestClient
@DirtiesContext
@Import(ProductionReadinessContract.SchemaDropper.class)
abstract class ProductionReadinessContract {

  static final String POSTGRES_URL = System.getProperty("capillary.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String POSTGRES_USER = System.getProperty("capillary.test.postgres.user", "postgres");

  @Autowired
  WebTestClient client;

  static void production(DynamicPropertyRegistry registry, String redisUri) throws IOException {
    String schema = "capillary_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    Path dir = Files.createTempDirectory("capillary-readiness");
    registry.add("capillary.gateway.data-dir", dir::toString);
    registry.add("capillary.gateway.create-key-if-missing", () -> "true"); // production never creates its key
    registry.add("spring.datasource.url", () -> POSTGRES_URL + "?currentSchema=" + schema);
    registry.add("spring.datasource.username", () -> POSTGRES_USER);
    registry.add("spring.flyway.schemas", () -> schema);
    registry.add("capillary.gateway.redis.uri", () -> redisUri);
  }

  /** Drops the test's schema when the context is destroyed. */
  static final class SchemaDropper implements DisposableBean {

    private final String schema;

    SchemaDropper(Environment environment) {
      this.schema = environment.getRequiredProperty("spring.flyway.schemas");
    }

    @Override
    public void destroy() throws SQLException {
      try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, null);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
