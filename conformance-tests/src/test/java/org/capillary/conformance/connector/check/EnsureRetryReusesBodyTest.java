package org.capillary.conformance.connector.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Status;
import org.junit.jupiter.api.Test;

class EnsureRetryReusesBodyTest {

  private final EnsureRetryReusesBody check = new EnsureRetryReusesBody();

  @Test
  void passesWhenEveryAttemptOfAKeySendsTheSameOctets() {
    ConnectorRun run = new Runs().request().answered(503, "SERVICE_UNAVAILABLE").add().request().add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenARetryReserialisesTheBody() {
    ConnectorRun run = new Runs().request().answered(503, "SERVICE_UNAVAILABLE").add()
        .request().body("{\"source\":\"urn:x\",\"id\":\"e-1\"}").answered(422, "IDEMPOTENCY_KEY_REUSED").add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void doesNotApplyWhenNoKeyIsUsedTwice() {
    ConnectorRun run = new Runs().request().add().request().key("key-2").add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
