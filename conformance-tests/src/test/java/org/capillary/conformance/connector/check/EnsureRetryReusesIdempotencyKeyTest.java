package org.capillary.conformance.connector.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Status;
import org.junit.jupiter.api.Test;

class EnsureRetryReusesIdempotencyKeyTest {

  private final EnsureRetryReusesIdempotencyKey check = new EnsureRetryReusesIdempotencyKey();

  @Test
  void passesWhenTheRepeatKeepsItsKey() {
    ConnectorRun run = new Runs().request().answered(429, "RATE_LIMITED").add().request().add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenTheSameBodyComesBackUnderAnotherKey() {
    ConnectorRun run = new Runs().request().answered(429, "RATE_LIMITED").add()
        .request().key("key-2").body("{\"source\":\"urn:x\",\"id\":\"e-1\"}").add().run();

    CheckResult result = check.run(run, Runs.NO_TRANSCRIPT);

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.evidence()).singleElement().asString().contains("key-1", "key-2");
  }

  @Test
  void chunksAtDifferentOffsetsAreDifferentWrites() {
    ConnectorRun run = new Runs()
        .request().op("appendUploadChunk", "PATCH", "/v1/uploads/u").contentType("application/offset+octet-stream")
        .body("AAAA").header("Upload-Offset", "0").key("u@0").add()
        .request().op("appendUploadChunk", "PATCH", "/v1/uploads/u").contentType("application/offset+octet-stream")
        .body("AAAA").header("Upload-Offset", "4").key("u@4").add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void doesNotApplyWithoutRepeats() {
    ConnectorRun run = new Runs().request().add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
