package org.capillary.conformance.connector.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Status;
import org.junit.jupiter.api.Test;

class EnsureNothingSubmittedTwiceTest {

  private final EnsureNothingSubmittedTwice check = new EnsureNothingSubmittedTwice();

  @Test
  void aReplayedAnswerIsNotASecondFiling() {
    ConnectorRun run = new Runs().request().filed("sub_1", false).add().request().filed("sub_1", true).add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenTheSameRecordIsFiledTwice() {
    ConnectorRun run = new Runs()
        .request().op("submitInspection", "POST", "/v1/projects/P/inspections").contentType("application/json")
        .body("{\"inspectionId\":\"i-1\"}").filed("sub_1", false).add()
        .request().op("submitInspection", "POST", "/v1/projects/P/inspections").contentType("application/json")
        .body("{\"inspectionId\":\"i-1\"}").key("key-2").filed("sub_2", false).add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void anAlertInABatchCountsAsTheSameAlertAsASingleOne() {
    ConnectorRun run = new Runs().request().filed("sub_1", false).add()
        .request().op("publishAlertBatch", "POST", "/v1/alerts/batch").contentType("application/cloudevents-batch+json")
        .body("[{\"id\":\"e-1\",\"source\":\"urn:x\"},{\"id\":\"e-2\",\"source\":\"urn:x\"}]").key("key-2")
        .filed("sub_2", false).add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).evidence()).singleElement().asString().contains("id e-1");
  }

  @Test
  void doesNotApplyWhenNothingWasFiled() {
    assertThat(check.run(new Runs().request().answered(503, "SERVICE_UNAVAILABLE").add().run(), Runs.NO_TRANSCRIPT)
        .status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
