package org.capillary.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.capillary.gateway.support.Scenario;
import org.capillary.gateway.support.SignedClient;
import org.capillary.gateway.support.SpecExamples;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CAP-MED-01 over HTTP: a record citing media is accepted only if each cited item is complete, of
 * the same connector and has the stated SHA-256; each offending MediaRef is reported at its
 * pointer.
 */
class MediaCitationEndToEndTest extends MediaGatewayTestBase {

  @Test
  void aRecordCitingCompleteMediaOfItsConnectorIsAccepted() {
    Scenario.Prepared inspection = scenario.prepare("submitInspection", example("submitInspection"));
    assertThat(refs(inspection.body())).isNotEmpty();
    EntityExchangeResult<byte[]> r = send(inspection);
    assertThat(r.getStatus().value()).as(SignedClient.text(r)).isEqualTo(201);
  }

  @Test
  void missingPartialMismatchedAndForeignMediaAreRefusedEachAtItsPointer() {
    Scenario.Prepared inspection = scenario.prepare("submitInspection", example("submitInspection"));
    List<ObjectNode> refs = refs(inspection.body());
    assertThat(refs).hasSizeGreaterThanOrEqualTo(2);

    // 1. an id nobody uploaded
    refs.get(0).put("mediaId", "med-NEVER-UPLOADED-" + scenario.id("x"));
    // 2. an upload that is still partial
    byte[] content = bytes(2000, 21);
    String partial = scenario.declareUpload(scenario.insurerA, content.length, sha256Hex(content), "PHOTO", "image/jpeg", null);
    assertThat(scenario.patchChunk(scenario.insurerA, partial, 0, slice(content, 0, 1000)).getStatus().value()).isEqualTo(204);
    refs.get(1).put("mediaId", MediaUploadEndToEndTest.uploadId(partial)).put("sha256", sha256Hex(content));
    int expected = 2;
    if (refs.size() >= 4) {
      // 3. complete, but another digest than the record states
      Scenario.Media mine = scenario.upload(scenario.insurerA, bytes(50, 22));
      refs.get(2).put("mediaId", mine.mediaId()).put("sha256", sha256Hex(bytes(50, 23)));
      // 4. complete and matching, but another connector's
      Scenario.Media theirs = scenario.upload(scenario.insurerB, bytes(50, 24));
      refs.get(3).put("mediaId", theirs.mediaId()).put("sha256", theirs.sha256());
      expected = 4;
    }

    EntityExchangeResult<byte[]> r = send(inspection);

    assertThat(r.getStatus().value()).as(SignedClient.text(r)).isEqualTo(422);
    JsonNode problem = SignedClient.json(r);
    assertThat(problem.path("code").asString()).isEqualTo("MEDIA_NOT_READY");
    List<String> pointers = new ArrayList<>();
    problem.path("errors").forEach(e -> pointers.add(e.path("pointer").asString()));
    assertThat(pointers).hasSize(expected);
    for (String pointer : pointers) {
      assertThat(inspection.body().at(pointer).path("mediaId").isString()).as(pointer).isTrue();
    }
  }

  @Test
  void aRecordWithAMismatchedDigestAloneIsRefused() {
    Scenario.Prepared inspection = scenario.prepare("submitInspection", example("submitInspection"));
    ObjectNode ref = refs(inspection.body()).get(0);
    ref.put("sha256", sha256Hex(new byte[] {1, 2, 3}));
    EntityExchangeResult<byte[]> r = send(inspection);
    assertThat(r.getStatus().value()).as(SignedClient.text(r)).isEqualTo(422);
    assertThat(SignedClient.json(r).path("errors").get(0).path("detail").asString()).contains("another SHA-256");
  }

  @Test
  void anInvalidRecordGetsItsSchemaErrorsFirst() {
    Scenario.Prepared inspection = scenario.prepare("submitInspection", example("submitInspection"));
    refs(inspection.body()).get(0).put("mediaId", "med-NEVER-UPLOADED");
    ((ObjectNode) inspection.body()).put("unexpectedMember", true);
    EntityExchangeResult<byte[]> r = send(inspection);
    assertThat(r.getStatus().value()).isEqualTo(422);
    assertThat(SignedClient.json(r).path("code").asString()).isEqualTo("VALIDATION_FAILED");
  }

  private static JsonNode example(String operationId) {
    return SpecExamples.of(operationId).stream().filter(SpecExamples.Example::valid)
        .filter(e -> !MediaRefs.find(e.body()).isEmpty()).findFirst().orElseThrow().body();
  }

  private static EntityExchangeResult<byte[]> send(Scenario.Prepared p) {
    return p.client().write(p.method(), p.path(), p.contentType(), p.body());
  }

  private static List<ObjectNode> refs(JsonNode body) {
    List<ObjectNode> out = new ArrayList<>();
    for (MediaRefs.Ref ref : MediaRefs.find(body)) {
      out.add((ObjectNode) body.at(ref.pointer()));
    }
    return out;
  }
}
