package org.capillary.gateway.ratelimit;

import java.util.List;
import java.util.UUID;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.connector.Role;

/** Connectors for tests, with ids unique per run so tests sharing one Redis never meet. */
public final class TestConnectors {

  private TestConnectors() {}

  public static Connector on(String plan) {
    return on("test-" + UUID.randomUUID(), plan);
  }

  public static Connector on(String connectorId, String plan) {
    return new Connector(connectorId, Role.INSURER, true, plan, "91440300MA5DDDDDD1", List.of());
  }
}
