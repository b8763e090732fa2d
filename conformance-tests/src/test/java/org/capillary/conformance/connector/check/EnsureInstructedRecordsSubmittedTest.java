package org.capillary.conformance.connector.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.connector.Instructions;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Status;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EnsureInstructedRecordsSubmittedTest {

  private static final String SHA = "c".repeat(64);
  private static final Instructions GIVEN = new Instructions("c-1",
      List.of(new Instructions.Media("snap", Path.of("/tmp/snap.jpg"), "PHOTO", "image/jpeg", 10, SHA)),
      List.of(new Instructions.Record("a-1", "publishAlert", Map.of(), JsonMapper.builder().build().readTree(
          "{\"id\":\"e-1\",\"source\":\"urn:x\",\"data\":{\"confidence\":0.90,\"snapshot\":{\"mediaId\":\"$media:snap\",\"sha256\":\""
              + SHA + "\"}}}"))));

  private final EnsureInstructedRecordsSubmitted check = new EnsureInstructedRecordsSubmitted(Set.of("publishAlert"));

  private static String sent(String mediaId) {
    return "{\"source\":\"urn:x\",\"id\":\"e-1\",\"data\":{\"snapshot\":{\"sha256\":\"" + SHA + "\",\"mediaId\":\"" + mediaId
        + "\"},\"confidence\":0.9}}";
  }

  @Test
  void citesTheRequirementsOfTheInstructedOperations() {
    assertThat(check.requirements()).contains("CAP-DEV-02");
  }

  @Test
  void passesWhenTheRecordWasFiledCitingTheUploadedFile() {
    ConnectorRun run = new Runs().instructions(GIVEN).upload("med-9", SHA)
        .request().body(sent("med-9")).filed("sub_1", false).add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenTheRecordCitesAnotherMediaId() {
    ConnectorRun run = new Runs().instructions(GIVEN).upload("med-9", SHA)
        .request().body(sent("med-other")).filed("sub_1", false).add().run();

    CheckResult result = check.run(run, Runs.NO_TRANSCRIPT);

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.evidence()).anyMatch(e -> e.contains("record a-1"));
  }

  @Test
  void failsWhenTheRecordWasOnlyRefused() {
    ConnectorRun run = new Runs().instructions(GIVEN).upload("med-9", SHA)
        .request().body(sent("med-9")).answered(401, "SIGNATURE_INVALID").add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void failsWhenTheMediaWasNeverUploaded() {
    ConnectorRun run = new Runs().instructions(GIVEN).run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).evidence()).anyMatch(e -> e.startsWith("media snap"));
  }
}
