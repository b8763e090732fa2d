package org.capillary.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.capillary.gateway.projection.ProjectionWorker;
import org.capillary.gateway.support.SignedClient;
import org.capillary.gateway.support.SpecExamples;
import org.capillary.spec.validation.ContractValidator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compliance read operations over HTTP on the embedded gateway: a policy, its start, an
 * inspection with a general and a major hazard and an alert are submitted; once projected, the
 * project view, its obligations, the hazard ledger (pages and CSV), the district summary, the
 * alerts and the event feed answer as their schemas say, and only to whom may see them.
 */
class ComplianceReadApiTest extends EmbeddedGatewayTestBase {

  @Autowired
  ProjectionWorker worker;

  @Autowired
  ContractValidator validator;

  String project() {
    String projectId = scenario.coveredProject()[1];
    String base = "/v1/projects/" + projectId;
    created(scenario.insurerA.write("POST", base + "/status-changes", "application/json",
        withMedia("reportWorksStatus", "valid-minimal")));
    created(scenario.insurerA.write("POST", base + "/inspections", "application/json",
        withMedia("submitInspection", "valid-full")));
    String deviceId = scenario.id("dev");
    scenario.device(deviceId, projectId);
    ObjectNode alert = (ObjectNode) SpecExamples.of("publishAlert").stream()
        .filter(e -> e.name().equals("valid-indeterminate")).findFirst().orElseThrow().body().deepCopy();
    alert.put("subject", projectId);
    alert.put("source", "urn:capillary:device:" + deviceId);
    alert.put("id", scenario.id("alert"));
    ((ObjectNode) alert.get("data")).put("deviceId", deviceId);
    created(scenario.vendor.write("POST", "/v1/alerts", "application/cloudevents+json", alert));
    worker.drainOnce();
    return projectId;
  }

  @Test
  void projectViewAndObligations() {
    String p = project();
    JsonNode view = ok(scenario.insurerA.get("/v1/projects/" + p), "schemas/ProjectView.json");
    assertThat(view.path("status").asString()).isEqualTo("IN_PROGRESS");
    assertThat(view.path("counts").path("openHazards").asLong()).isEqualTo(2);
    assertThat(view.path("projectManager").path("mobile").asString()).contains("*");

    JsonNode obligations = ok(scenario.insurerA.get("/v1/projects/" + p + "/obligations"), "schemas/ObligationList.json");
    assertThat(obligations.path("ruleProfile").asString()).isEqualTo("futian-2025");
    List<String> rules = new ArrayList<>();
    obligations.path("obligations").forEach(o -> rules.add(o.path("ruleId").asString()));
    assertThat(rules).contains("R-10", "R-20", "R-21", "R-22", "R-31", "R-32", "R-40", "R-43");

    EntityExchangeResult<byte[]> other = scenario.insurerB.get("/v1/projects/" + p);
    assertThat(other.getStatus().value()).as("another insurer's project").isIn(403, 404);
    EntityExchangeResult<byte[]> office = scenario.subdistrict.get("/v1/projects/" + p);
    assertThat(office.getStatus().value()).as("a project outside the office's area").isEqualTo(404);
  }

  @Test
  void hazardLedgerPagesAndCsv() {
    String p = project();
    JsonNode first = ok(scenario.insurerA.get("/v1/projects/" + p + "/hazards?limit=1"), "schemas/HazardPage.json");
    assertThat(first.path("items")).hasSize(1);
    String cursor = first.path("page").path("nextCursor").asString();
    assertThat(cursor).isNotBlank();
    project(); // concurrent inserts after the first page do not disturb the next one
    JsonNode second = ok(scenario.insurerA.get("/v1/projects/" + p + "/hazards?limit=1&cursor=" + cursor),
        "schemas/HazardPage.json");
    assertThat(second.path("items").get(0).path("hazardId").asString()).isEqualTo("hz-0457-0002");
    assertThat(second.path("items").get(0).path("grade").asString()).isEqualTo("MAJOR");

    JsonNode major = ok(scenario.insurerA.get("/v1/hazards?grade=MAJOR&subdistrictCode=440304011"),
        "schemas/HazardPage.json");
    major.path("items").forEach(h -> {
      assertThat(h.path("grade").asString()).isEqualTo("MAJOR");
      assertThat(h.path("subdistrictCode").asString()).isEqualTo("440304011");
    });
    JsonNode nanyuan = ok(scenario.subdistrict.get("/v1/hazards"), "schemas/HazardPage.json");
    nanyuan.path("items").forEach(h -> assertThat(h.path("subdistrictCode").asString()).isEqualTo("440304001"));
    JsonNode otherInsurer = ok(scenario.insurerB.get("/v1/hazards?limit=500"), "schemas/HazardPage.json");
    otherInsurer.path("items").forEach(h -> assertThat(h.path("projectId").asString()).isNotEqualTo(p));

    EntityExchangeResult<byte[]> csv = scenario.insurerA.get("/v1/projects/" + p + "/hazards", "text/csv");
    assertThat(csv.getStatus().value()).as(SignedClient.text(csv)).isEqualTo(200);
    assertThat(csv.getResponseHeaders().getContentType().toString()).startsWith("text/csv");
    String text = new String(csv.getResponseBody(), StandardCharsets.UTF_8);
    assertThat(text.split("\r\n")).hasSize(3);
    assertThat(text).startsWith("hazardId,projectId,subdistrictCode").contains("hz-0457-0001").contains("hz-0457-0002")
        .contains("138****6781");

    EntityExchangeResult<byte[]> bad = scenario.insurerA.get("/v1/hazards?limit=0");
    assertThat(bad.getStatus().value()).isEqualTo(400);
    assertThat(SignedClient.json(bad).path("code").asString()).isEqualTo("INVALID_PARAMETER");
    EntityExchangeResult<byte[]> badCursor = scenario.insurerA.get("/v1/hazards?cursor=bm9wZQ");
    assertThat(badCursor.getStatus().value()).isEqualTo(400);
  }

  @Test
  void districtSummaryAlertsAndEventFeed() {
    String p = project();
    JsonNode summary = ok(scenario.operator.get("/v1/district/summary"), "schemas/DistrictSummary.json");
    assertThat(summary.path("subdistricts").size()).isGreaterThanOrEqualTo(10);
    JsonNode mine = ok(scenario.subdistrict.get("/v1/district/summary"), "schemas/DistrictSummary.json");
    assertThat(mine.path("subdistricts")).hasSize(1);

    JsonNode alerts = ok(scenario.insurerA.get("/v1/alerts?projectId=" + p), "schemas/AlertPage.json");
    assertThat(alerts.path("items")).hasSize(1);
    assertThat(alerts.path("items").get(0).path("reviewStatus").asString()).isEqualTo("PENDING");
    assertThat(alerts.path("items").get(0).path("hazardId").isNull()).isTrue();

    List<String> types = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = ok(scenario.operator.get("/v1/events?limit=200" + (cursor == null ? "" : "&cursor=" + cursor)),
          "schemas/EventFeedPage.json");
      page.path("items").forEach(e -> {
        if (p.equals(e.path("subject").asString())) {
          types.add(e.path("type").asString());
        }
      });
      cursor = page.path("page").path("nextCursor").isString() ? page.path("page").path("nextCursor").asString() : null;
    } while (cursor != null);
    assertThat(types).contains("org.capillary.hazard.reported.v1", "org.capillary.hazard.major.v1",
        "org.capillary.alert.received.v1");
    JsonNode insurerB = ok(scenario.insurerB.get("/v1/events?limit=500"), "schemas/EventFeedPage.json");
    insurerB.path("items").forEach(e -> assertThat(e.path("subject").asString()).isNotEqualTo(p));
  }

  /** An example whose media the insurer has really uploaded (the gateway checks cited media). */
  JsonNode withMedia(String operationId, String name) {
    JsonNode example = SpecExamples.of(operationId).stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow().body();
    return scenario.prepare(operationId, example).body();
  }

  JsonNode ok(EntityExchangeResult<byte[]> result, String schema) {
    assertThat(result.getStatus().value()).as(SignedClient.text(result)).isEqualTo(200);
    JsonNode json = SignedClient.json(result);
    assertThat(validator.validateAgainst(schema, json)).as(json.toString()).isEmpty();
    return json;
  }

  static void created(EntityExchangeResult<byte[]> result) {
    assertThat(result.getStatus().value()).as(SignedClient.text(result)).isEqualTo(201);
  }
}
