package org.capillary.gateway.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@link DurabilityCheck} on the embedded default profile: the H2 file database under the data
 * folder, read directly with the H2 driver once the restarted gateway has stopped.
 */
class DurabilityIT extends DurabilityCheck {

  @Override
  GatewayProcess.Builder gateway(Path workDir) {
    return GatewayProcess.embedded("durability-h2", workDir.resolve("data"));
  }

  @Override
  Connection ledger(Path workDir) throws SQLException {
    return ItInfrastructure.h2(workDir.resolve("data"));
  }
}
