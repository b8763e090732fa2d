package org.capillary.gateway.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link DurabilityCheck} on the production profile: the ledger in a schema of its own in the
 * machine's PostgreSQL (dropped afterwards), rate limits and the replay cache in its Redis.
 */
class DurabilityPostgresIT extends DurabilityCheck {

  private final String schema = ItInfrastructure.freshSchema();

  @Override
  GatewayProcess.Builder gateway(Path workDir) {
    return GatewayProcess.production("durability-pg", workDir, schema, workDir.resolve("gw.jwk.json"));
  }

  @Override
  Connection ledger(Path workDir) throws SQLException {
    return ItInfrastructure.postgres(schema);
  }

  @Override
  void cleanUp(FreshConnector connector) {
    ItInfrastructure.deleteRedisKeys(connector.connectorId());
  }

  @AfterEach
  void dropSchema() throws SQLException {
    ItInfrastructure.dropSchema(schema);
  }
}
