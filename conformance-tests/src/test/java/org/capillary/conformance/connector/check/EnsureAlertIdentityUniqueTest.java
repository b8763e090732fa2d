package org.capillary.conformance.connector.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Status;
import org.junit.jupiter.api.Test;

class EnsureAlertIdentityUniqueTest {

  private final EnsureAlertIdentityUnique check = new EnsureAlertIdentityUnique();

  @Test
  void theSameAlertResentKeepsItsIdentity() {
    ConnectorRun run = new Runs().request().add().request().body("{\"source\":\"urn:x\",\"id\":\"e-1\"}").add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenTwoDifferentAlertsShareSourceAndId() {
    ConnectorRun run = new Runs().request().add()
        .request().op("publishAlertBatch", "POST", "/v1/alerts/batch").contentType("application/cloudevents-batch+json")
        .body("[{\"id\":\"e-1\",\"source\":\"urn:x\",\"subject\":\"other\"}]").key("key-2").add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void doesNotApplyWithoutAlerts() {
    ConnectorRun run = new Runs().request().op("submitInspection", "POST", "/v1/projects/P/inspections")
        .contentType("application/json").add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
