package org.capillary.gateway.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.capillary.gateway.error.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Inserts the connectors of a configuration file on start-up
 * ({@code capillary.gateway.connectors.seed-file}, YAML or JSON; default the demo connectors).
 *
 * <p>The file holds {@code connectors:}, a list of ConnectorRegistration bodies
 * (spec/schemas/ConnectorRegistration.json). A connector whose connectorId is already registered
 * is left as it is (never overwritten), so changes made through the admin API survive restarts.
 * Each new connector is inserted with its keys in one transaction, through the same code as
 * registerConnector. A file that cannot be read or holds an invalid connector (or a kid another
 * connector already uses) stops start-up: a half-applied configuration is worse than none.
 */
@Component
public class ConnectorSeeder implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(ConnectorSeeder.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ConnectorAdministration administration;
  private final ConnectorDirectory directory;
  private final Clock clock;
  private final ResourceLoader resources;
  private final String seedFile;

  /**
   * @param jdbc the database
   * @param transactionManager its transaction manager
   * @param administration inserts each connector
   * @param directory refreshed after seeding
   * @param clock the gateway clock (creation times)
   * @param resources resolves the seed file location
   * @param properties where the seed file is
   */
  @Autowired
  public ConnectorSeeder(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      ConnectorAdministration administration,
      ConnectorDirectory directory,
      Clock clock,
      ResourceLoader resources,
      ConnectorProperties properties) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.transactions = new TransactionTemplate(transactionManager);
    this.administration = Objects.requireNonNull(administration, "administration");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.resources = Objects.requireNonNull(resources, "resources");
    this.seedFile = properties.seedFile() == null ? "" : properties.seedFile().trim();
  }

  @Override
  public void afterPropertiesSet() {
    seed();
  }

  /**
   * Inserts the connectors of the seed file that are not yet registered.
   *
   * @return how many were inserted
   * @throws IllegalStateException if the file cannot be read or a connector cannot be inserted
   */
  public int seed() {
    if (seedFile.isEmpty()) {
      log.info("connector seeding disabled (capillary.gateway.connectors.seed-file is empty)");
      return 0;
    }
    Resource resource = resources.getResource(seedFile);
    JsonNode root;
    try (InputStream in = resource.getInputStream()) {
      root = new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read connector seed file " + seedFile, new UncheckedIOException(e));
    } catch (RuntimeException e) {
      throw new IllegalStateException("connector seed file " + seedFile + " is not valid YAML/JSON", e);
    }
    JsonNode list = root == null ? null : root.get("connectors");
    if (list == null || !list.isArray()) {
      throw new IllegalStateException("connector seed file " + seedFile + " has no 'connectors' list");
    }
    int inserted = 0;
    for (JsonNode registration : list) {
      String connectorId = registration.path("connectorId").asString("");
      boolean exists = jdbc.sql("SELECT COUNT(*) FROM connector WHERE connector_id = :id")
          .param("id", connectorId)
          .query(Long.class)
          .single() > 0;
      if (exists) {
        continue;
      }
      try {
        transactions.executeWithoutResult(status ->
            administration.registerConnector(jdbc, registration, Map.of(), clock.instant()));
      } catch (ProblemException e) {
        throw new IllegalStateException(
            "connector " + connectorId + " of " + seedFile + " cannot be registered: " + e.getMessage(), e);
      }
      inserted++;
      log.info("seeded connector {} from {}", connectorId, seedFile);
    }
    if (seedFile.contains("demo-connectors")) {
      log.warn("the DEMO connectors are registered: their private keys are published (TEST ONLY)."
          + " Set capillary.gateway.connectors.seed-file to empty outside a local demo.");
    }
    directory.refresh();
    return inserted;
  }
}
