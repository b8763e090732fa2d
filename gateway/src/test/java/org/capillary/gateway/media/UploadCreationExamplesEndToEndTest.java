package org.capillary.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.capillary.gateway.support.Scenario;
import org.capillary.gateway.support.SignedClient;
import org.capillary.gateway.support.SpecExamples;
import org.capillary.gateway.support.SpecExamples.Example;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/** createUpload with the contract's own examples: valid ones are declared (UploadCreated), invalid ones get their errors. */
class UploadCreationExamplesEndToEndTest extends MediaGatewayTestBase {

  static Stream<Example> valid() {
    return SpecExamples.of("createUpload").stream().filter(Example::valid);
  }

  static Stream<Example> invalid() {
    return SpecExamples.of("createUpload").stream().filter(e -> !e.valid());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validDeclarationsCreateAnUpload(Example example) {
    Scenario.Prepared p = scenario.prepare(example.operationId(), example.body());
    EntityExchangeResult<byte[]> r = p.client().write(p.method(), p.path(), p.contentType(), p.body());
    assertThat(r.getStatus().value()).as(SignedClient.text(r)).isEqualTo(201);
    String location = r.getResponseHeaders().getFirst("Location");
    assertThat(location).startsWith("/v1/uploads/med-");
    assertThat(r.getResponseHeaders().getFirst("Upload-Offset")).isEqualTo("0");
    JsonNode item = SignedClient.json(p.client().get("/v1/media/" + location.substring("/v1/uploads/".length())));
    assertThat(item.path("status").asString()).isEqualTo("UPLOADING");
    assertThat(item.path("length").asLong()).isEqualTo(p.body().path("length").asLong());
    assertThat(item.path("sha256").asString()).isEqualTo(p.body().path("sha256").asString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidDeclarationsGetExactlyTheirErrors(Example example) {
    Scenario.Prepared p = scenario.prepare(example.operationId(), example.body());
    EntityExchangeResult<byte[]> r = p.client().write(p.method(), p.path(), p.contentType(), p.body());
    assertThat(r.getStatus().value()).as(SignedClient.text(r)).isEqualTo(example.expect().path("status").asInt());
    JsonNode problem = SignedClient.json(r);
    assertThat(problem.path("code").asString()).isEqualTo(example.expect().path("code").asString());
    Set<String> expected = new TreeSet<>();
    example.expect().path("errors").forEach(e -> expected.add(e.path("pointer").asString() + " " + e.path("code").asString()));
    Set<String> actual = new TreeSet<>();
    problem.path("errors").forEach(e -> actual.add(e.path("pointer").asString() + " " + e.path("code").asString()));
    assertThat(actual).isEqualTo(expected);
  }
}
