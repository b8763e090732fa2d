package org.capillary.gateway.e2e;

import javax.sql.DataSource;
import org.capillary.gateway.store.IdempotencyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Idempotency-Key semantics over HTTP on the embedded profile (issue 3: replay, conflict, in
 * flight), checked against the ledger itself.
 */
class IdempotencyEndToEndTest extends EmbeddedGatewayTestBase {

  @Autowired
  DataSource dataSource;

  @Autowired
  IdempotencyStore idempotency;

  PipelineChecks checks;

  @BeforeEach
  void checks() {
    checks = new PipelineChecks(client, scenario, dataSource, idempotency, "demo-insurer-a");
  }

  @Test
  void sameKeyAndBodyIsAnsweredFromTheStore() {
    checks.sameKeyAndBodyIsAnsweredFromTheStore();
  }

  @Test
  void sameKeyWithAnotherBodyIsRefused() {
    checks.sameKeyWithAnotherBodyIsRefused();
  }

  @Test
  void keysAreScopedPerConnector() {
    checks.keysAreScopedPerConnector();
  }

  @Test
  void keyInFlightIsRefusedWithRetryAfter() {
    checks.keyInFlightIsRefusedWithRetryAfter();
  }

  @Test
  void validationFailureReleasesTheKey() {
    checks.validationFailureReleasesTheKey();
  }
}
