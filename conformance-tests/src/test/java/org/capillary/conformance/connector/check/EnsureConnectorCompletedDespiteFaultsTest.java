package org.capillary.conformance.connector.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.capillary.conformance.connector.ConnectorCycle;
import org.capillary.conformance.connector.ConnectorOutcome;
import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Status;
import org.capillary.conformance.sandbox.Fault;
import org.capillary.conformance.sandbox.FaultScript;
import org.junit.jupiter.api.Test;

class EnsureConnectorCompletedDespiteFaultsTest {

  private final EnsureConnectorCompletedDespiteFaults check = new EnsureConnectorCompletedDespiteFaults();
  private final Fault limited = new Fault.TooManyRequests(Duration.ofSeconds(2));
  private final FaultScript script = FaultScript.none().and("publishAlert", 1, limited);

  @Test
  void passesWhenTheFaultStruckAndALaterRequestSucceeded() {
    ConnectorRun run = new Runs().request().fault(limited, 429, "RATE_LIMITED").add()
        .request().at(2000).add().run(script, ConnectorOutcome.success(), ConnectorCycle.CONNECTOR_DEFINED);

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenTheConnectorGaveUpAfterTheFault() {
    ConnectorRun run = new Runs().request().fault(limited, 429, "RATE_LIMITED").add()
        .run(script, ConnectorOutcome.failure("exit code 1"), ConnectorCycle.CONNECTOR_DEFINED);

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.FAIL);
    assertThat(check.run(run, Runs.NO_TRANSCRIPT).evidence())
        .anyMatch(e -> e.contains("no later publishAlert succeeded"))
        .anyMatch(e -> e.contains("exit code 1"));
  }

  @Test
  void failsWhenTheFaultNeverStruck() {
    ConnectorRun run = new Runs().request().op("registerDevice", "POST", "/v1/devices").add()
        .run(script, ConnectorOutcome.success(), ConnectorCycle.CONNECTOR_DEFINED);

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).evidence()).singleElement().asString().contains("never struck");
  }

  @Test
  void theInstructedRecordsAreNotApplicableToAConnectorDefinedCycle() {
    ConnectorRun run = new Runs().request().add().run(FaultScript.none(), ConnectorOutcome.success(),
        ConnectorCycle.CONNECTOR_DEFINED);

    assertThat(new EnsureInstructedRecordsSubmitted(java.util.Set.of("publishAlert")).run(run, Runs.NO_TRANSCRIPT)
        .status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
