package org.capillary.conformance.connector.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Status;
import org.junit.jupiter.api.Test;

class EnsureMediaUploadedBeforeCitedTest {

  private static final String SHA = "a".repeat(64);
  private static final String CITING = "{\"id\":\"e-1\",\"data\":{\"snapshot\":{\"mediaId\":\"med-1\",\"sha256\":\"" + SHA + "\"}}}";

  private final EnsureMediaUploadedBeforeCited check = new EnsureMediaUploadedBeforeCited();

  @Test
  void passesWhenTheCitedUploadIsComplete() {
    ConnectorRun run = new Runs().upload("med-1", SHA).request().body(CITING).filed("sub_1", false).add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenARecordWasRefusedAsMediaNotReady() {
    ConnectorRun run = new Runs().upload("med-1", SHA)
        .request().body(CITING).answered(422, "MEDIA_NOT_READY").add()
        .request().body(CITING).key("key-2").filed("sub_1", false).add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void failsWhenTheDigestCitedIsNotTheUploads() {
    ConnectorRun run = new Runs().upload("med-1", "b".repeat(64)).request().body(CITING).filed("sub_1", false).add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void doesNotApplyWithoutCitations() {
    assertThat(check.run(new Runs().request().filed("sub_1", false).add().run(), Runs.NO_TRANSCRIPT).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
