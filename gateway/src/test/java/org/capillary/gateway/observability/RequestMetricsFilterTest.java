package org.capillary.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capillary.gateway.support.Scenario;
import org.capillary.gateway.support.SignedClient;
import org.capillary.gateway.support.SpecExamples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code capillary.requests} series as Prometheus scrapes them, after accepted, replayed and
 * refused requests over HTTP on the embedded profile: each request is counted once, under its
 * connector (only when authenticated, never a kid), operation, outcome and status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RequestMetricsFilterTest {

  private static final Pattern SERIES = Pattern.compile("^capillary_requests_seconds_count\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("capillary-metrics");
    registry.add("capillary.gateway.data-dir", dir::toString);
  }

  @Autowired
  WebTestClient client;

  @Test
  void everyRequestIsCountedOnceByConnectorOperationOutcomeAndStatus() {
    Scenario scenario = new Scenario(client);
    SignedClient insurer = scenario.insurerA;
    byte[] policy = policyBody(scenario);
    String key = UUID.randomUUID().toString();

    EntityExchangeResult<byte[]> accepted = insurer.write("POST", "/v1/policies", "application/json", policy, key);
    assertThat(accepted.getStatus().value()).as(SignedClient.text(accepted)).isEqualTo(201);
    EntityExchangeResult<byte[]> replayed = insurer.write("POST", "/v1/policies", "application/json", policy, key);
    assertThat(replayed.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");

    // Refused after authentication: the connector is known.
    EntityExchangeResult<byte[]> invalid = insurer.write("POST", "/v1/policies", "application/json",
        "{}".getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
    // Refused by the signature filter: a kid was sent, but no connector was authenticated.
    String otherKey = UUID.randomUUID().toString();
    EntityExchangeResult<byte[]> tampered = client.post().uri("/v1/policies")
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", otherKey)
        .header("Capillary-Signature", insurer.signer().sign("POST", "/v1/policies", policyBody(scenario), otherKey))
        .bodyValue(policy)
        .exchange().expectBody().returnResult();
    EntityExchangeResult<byte[]> unsigned = client.post().uri("/v1/policies")
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .bodyValue(policy)
        .exchange().expectBody().returnResult();
    EntityExchangeResult<byte[]> nowhere = client.get().uri("/v1/nowhere").exchange().expectBody().returnResult();

    assertThat(code(tampered)).isEqualTo("SIGNATURE_INVALID");
    assertThat(code(unsigned)).isEqualTo("SIGNATURE_MISSING");
    assertThat(code(nowhere)).isEqualTo("NOT_FOUND");

    List<Map<String, String>> series = scrape();
    assertThat(series).as("series %s", series)
        .contains(
            series("demo-insurer-a", "registerPolicy", "ACCEPTED", 201, 1),
            series("demo-insurer-a", "registerPolicy", "REPLAYED", 201, 1),
            series("demo-insurer-a", "registerPolicy", code(invalid), invalid.getStatus().value(), 1),
            series("-", "registerPolicy", "SIGNATURE_INVALID", 401, 1),
            series("-", "registerPolicy", "SIGNATURE_MISSING", 401, 1),
            series("-", "unknown", "NOT_FOUND", 404, 1));
    assertThat(code(invalid)).isNotBlank();
    assertThat(invalid.getStatus().value()).isGreaterThanOrEqualTo(400);
    assertThat(series).as("no kid, path or actuator request becomes a label value")
        .allSatisfy(s -> assertThat(s.values()).noneMatch(v -> v.contains("es256") || v.contains("/")));
  }

  private static byte[] policyBody(Scenario scenario) {
    ObjectNode body = (ObjectNode) SpecExamples.firstValid("registerPolicy");
    body.put("policyId", scenario.id("pol"));
    ArrayNode projects = (ArrayNode) body.get("projects");
    while (projects.size() > 1) {
      projects.remove(projects.size() - 1);
    }
    ((ObjectNode) projects.get(0)).put("projectId", scenario.id("FT-T"));
    return SignedClient.JSON.writeValueAsBytes(body);
  }

  private static String code(EntityExchangeResult<byte[]> result) {
    return SignedClient.json(result).path("code").asString();
  }

  private static Map<String, String> series(String connector, String operation, String outcome, int status, int count) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("application", "capillary-gateway");
    s.put("connector", connector);
    s.put("operation", operation);
    s.put("outcome", outcome);
    s.put("status", Integer.toString(status));
    s.put("count", Integer.toString(count));
    return s;
  }

  /** Every capillary_requests_seconds_count series: its labels, and its count as "count". */
  private List<Map<String, String>> scrape() {
    String text = client.get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(text).contains("# TYPE capillary_requests_seconds summary");
    List<Map<String, String>> all = new java.util.ArrayList<>();
    Matcher m = SERIES.matcher(text);
    while (m.find()) {
      Map<String, String> labels = new LinkedHashMap<>();
      Matcher l = LABEL.matcher(m.group(1));
      while (l.find()) {
        labels.put(l.group(1), l.group(2));
      }
      labels.put("count", Integer.toString((int) Double.parseDouble(m.group(2))));
      all.add(labels);
    }
    return all;
  }
}
