package org.capillary.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
 * reviewAlert over HTTP (rule R-34): an INDETERMINATE alert stays PENDING and opens no hazard until
 * the project's insurer reviews it; a confirmation opens a hazard with the rectification suggestion
 * generated from the alert type, shown in the hazard ledger and announced in the event feed; a
 * false positive closes an alert; only the project's insurer may review, and a review that cannot
 * take effect is stored and marked REJECTED_BY_RULES with the reason.
 */
class AlertReviewEndToEndTest extends EmbeddedGatewayTestBase {

  @Autowired
  ProjectionWorker worker;

  @Autowired
  ContractValidator validator;

  record Alert(String projectId, String source, String id) {}

  Alert publish(String projectId, String example) {
    String deviceId = scenario.id("dev");
    scenario.device(deviceId, projectId);
    ObjectNode alert = (ObjectNode) SpecExamples.of("publishAlert").stream().filter(e -> e.name().equals(example))
        .findFirst().orElseThrow().body().deepCopy();
    alert.put("subject", projectId);
    alert.put("source", "urn:capillary:device:" + deviceId);
    alert.put("id", scenario.id("alert"));
    ((ObjectNode) alert.get("data")).put("deviceId", deviceId);
    created(scenario.vendor.write("POST", "/v1/alerts", "application/cloudevents+json", alert));
    return new Alert(projectId, alert.path("source").asString(), alert.path("id").asString());
  }

  ObjectNode review(String example, Alert alert) {
    ObjectNode review = (ObjectNode) SpecExamples.of("reviewAlert").stream().filter(e -> e.name().equals(example))
        .findFirst().orElseThrow().body().deepCopy();
    review.put("reviewId", scenario.id("rev"));
    ((ObjectNode) review.get("alert")).put("source", alert.source()).put("id", alert.id());
    if (review.has("hazard")) {
      ((ObjectNode) review.get("hazard")).put("hazardId", scenario.id("hz"));
    }
    return review;
  }

  EntityExchangeResult<byte[]> send(SignedClient who, Alert alert, JsonNode review) {
    return who.write("POST", "/v1/projects/" + alert.projectId() + "/alert-reviews", "application/json", review);
  }

  @Test
  void aConfirmedAlertOpensAHazardWithAGeneratedSuggestion() {
    String p = scenario.coveredProject()[1];
    Alert alert = publish(p, "valid-indeterminate");
    worker.drainOnce();
    JsonNode pending = ok(scenario.insurerA.get("/v1/alerts?projectId=" + p), "schemas/AlertPage.json");
    assertThat(pending.path("items").get(0).path("reviewStatus").asString()).isEqualTo("PENDING");
    assertThat(ok(scenario.insurerA.get("/v1/projects/" + p + "/hazards"), "schemas/HazardPage.json").path("items"))
        .as("an INDETERMINATE alert never opens a hazard by itself").isEmpty();

    ObjectNode review = review("valid-confirmed", alert);
    String hazardId = review.at("/hazard/hazardId").asString();
    EntityExchangeResult<byte[]> receipt = send(scenario.insurerA, alert, review);
    created(receipt);
    worker.drainOnce();

    JsonNode hazards = ok(scenario.insurerA.get("/v1/projects/" + p + "/hazards"), "schemas/HazardPage.json");
    assertThat(hazards.path("items")).hasSize(1);
    JsonNode hazard = hazards.path("items").get(0);
    assertThat(hazard.path("hazardId").asString()).isEqualTo(hazardId);
    assertThat(hazard.path("source").asString()).isEqualTo("AI_ALERT");
    assertThat(hazard.path("sourceRef").asString()).isEqualTo(alert.id());
    assertThat(hazard.path("category").asString()).isEqualTo("OTHER");
    assertThat(hazard.path("description").asString()).contains("安全帽");
    assertThat(hazard.path("rectificationSuggestion").path("ruleProfile").asString()).isEqualTo("futian-2025");
    assertThat(hazard.path("requiredMeasures")).isEqualTo(hazard.path("rectificationSuggestion").path("measures"));
    assertThat(hazard.path("responsiblePerson").path("mobile").asString()).contains("*");

    JsonNode reviewed = ok(scenario.insurerA.get("/v1/alerts?projectId=" + p), "schemas/AlertPage.json");
    assertThat(reviewed.path("items").get(0).path("reviewStatus").asString()).isEqualTo("CONFIRMED");
    assertThat(reviewed.path("items").get(0).path("hazardId").asString()).isEqualTo(hazardId);
    assertThat(status(receipt).path("status").asString()).isEqualTo("PROCESSED");
    assertThat(eventTypes(p, hazardId)).containsExactly("org.capillary.hazard.reported.v1");
  }

  @Test
  void aConfirmedMajorHazardStopsWorkAndIsAnnouncedAsMajor() {
    String p = scenario.coveredProject()[1];
    Alert alert = publish(p, "valid-minimal-ai");
    worker.drainOnce();
    ObjectNode review = review("valid-confirmed-major", alert);
    created(send(scenario.insurerA, alert, review));
    worker.drainOnce();
    JsonNode hazard = ok(scenario.insurerA.get("/v1/projects/" + p + "/hazards"), "schemas/HazardPage.json")
        .path("items").get(0);
    assertThat(hazard.path("grade").asString()).isEqualTo("MAJOR");
    assertThat(hazard.path("stopWork").path("scope").asString()).isEqualTo("PARTIAL");
    assertThat(hazard.path("requiredMeasures").get(0).asString()).startsWith("立即停止吊篮作业");
    assertThat(hazard.path("rectificationSuggestion").path("category").asString()).isEqualTo("OTHER");
    assertThat(eventTypes(p, review.at("/hazard/hazardId").asString()))
        .containsExactlyInAnyOrder("org.capillary.hazard.reported.v1", "org.capillary.hazard.major.v1");
  }

  @Test
  void aFalsePositiveClosesTheAlertAndASecondReviewTakesNoEffect() {
    String p = scenario.coveredProject()[1];
    Alert alert = publish(p, "valid-minimal-ai");
    worker.drainOnce();
    created(send(scenario.insurerA, alert, review("valid-false-positive", alert)));
    EntityExchangeResult<byte[]> second = send(scenario.insurerA, alert, review("valid-confirmed", alert));
    created(second);
    worker.drainOnce();

    JsonNode alerts = ok(scenario.insurerA.get("/v1/alerts?projectId=" + p), "schemas/AlertPage.json");
    assertThat(alerts.path("items").get(0).path("reviewStatus").asString()).isEqualTo("FALSE_POSITIVE");
    assertThat(alerts.path("items").get(0).path("hazardId").isNull()).isTrue();
    assertThat(ok(scenario.insurerA.get("/v1/projects/" + p + "/hazards"), "schemas/HazardPage.json").path("items"))
        .isEmpty();
    JsonNode status = status(second);
    assertThat(status.path("status").asString()).isEqualTo("REJECTED_BY_RULES");
    assertThat(status.path("detail").asString()).contains("already reviewed");
  }

  @Test
  void onlyTheProjectsInsurerMayReview() {
    String p = scenario.coveredProject()[1];
    Alert alert = publish(p, "valid-indeterminate");
    EntityExchangeResult<byte[]> other = send(scenario.insurerB, alert, review("valid-confirmed", alert));
    assertThat(other.getStatus().value()).isEqualTo(403);
    assertThat(SignedClient.json(other).path("code").asString()).isEqualTo("PROJECT_NOT_COVERED");
    EntityExchangeResult<byte[]> vendor = send(scenario.vendor, alert, review("valid-confirmed", alert));
    assertThat(vendor.getStatus().value()).isEqualTo(403);
    assertThat(SignedClient.json(vendor).path("code").asString()).isEqualTo("OPERATION_NOT_PERMITTED");
    EntityExchangeResult<byte[]> office = send(scenario.subdistrict, alert, review("valid-confirmed", alert));
    assertThat(office.getStatus().value()).isEqualTo(403);
  }

  private List<String> eventTypes(String projectId, String hazardId) {
    List<String> types = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = ok(scenario.operator.get("/v1/events?limit=200" + (cursor == null ? "" : "&cursor=" + cursor)),
          "schemas/EventFeedPage.json");
      page.path("items").forEach(e -> {
        if (projectId.equals(e.path("subject").asString()) && hazardId.equals(e.path("data").path("hazardId").asString())) {
          types.add(e.path("type").asString());
          assertThat(e.path("data").path("rectificationSuggestion").path("measures").isArray()).isTrue();
        }
      });
      cursor = page.path("page").path("nextCursor").isString() ? page.path("page").path("nextCursor").asString() : null;
    } while (cursor != null);
    return types;
  }

  private JsonNode status(EntityExchangeResult<byte[]> receipt) {
    String id = SignedClient.json(receipt).path("submissionId").asString();
    return ok(scenario.insurerA.get("/v1/submissions/" + id), "schemas/SubmissionStatus.json");
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
