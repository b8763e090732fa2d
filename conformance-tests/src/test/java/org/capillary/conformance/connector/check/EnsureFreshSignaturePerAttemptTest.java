package org.capillary.conformance.connector.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Status;
import org.junit.jupiter.api.Test;

class EnsureFreshSignaturePerAttemptTest {

  private final EnsureFreshSignaturePerAttempt check = new EnsureFreshSignaturePerAttempt();

  @Test
  void passesWhenEveryAttemptHasItsOwnJti() {
    ConnectorRun run = new Runs().request().answered(429, "RATE_LIMITED").add().request().add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenARetryResendsTheSignature() {
    ConnectorRun run = new Runs().request().jti("same-jti-0000000001").answered(429, "RATE_LIMITED").add()
        .request().jti("same-jti-0000000001").finding("SIGNATURE_REPLAYED").add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.FAIL);
  }
}
