package org.capillary.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capillary.gateway.e2e.PipelineChecks.assertProblem;

import org.capillary.gateway.support.Scenario;
import org.capillary.gateway.support.SignedClient;
import org.capillary.gateway.support.SpecExamples;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tenant isolation over HTTP (issue 3): an insurer neither writes to nor reads another insurer's
 * projects, policies or submissions; a device vendor publishes only for its own devices, on the
 * project they are registered to; a sub-district office only reads. Each refusal has a control:
 * the rightful owner's same request is accepted.
 */
class TenantIsolationEndToEndTest extends EmbeddedGatewayTestBase {

  @Test
  void insurerCannotWriteToAnotherInsurersProject() {
    String project = scenario.coveredProject()[1];
    byte[] inspection = SignedClient.JSON.writeValueAsBytes(SpecExamples.firstValid("submitInspection"));
    String path = "/v1/projects/" + project + "/inspections";

    assertProblem(scenario.insurerB.write("POST", path, "application/json", inspection, scenario.id("idk")), 403, "PROJECT_NOT_COVERED");
    assertProblem(scenario.insurerB.write("POST", "/v1/projects/" + project + "/status-changes", "application/json",
        SignedClient.JSON.writeValueAsBytes(SpecExamples.firstValid("reportWorksStatus")), scenario.id("idk")), 403, "PROJECT_NOT_COVERED");
    // an unknown project gets the same answer: nothing tells B whether A's project exists
    assertProblem(scenario.insurerB.write("POST", "/v1/projects/" + scenario.id("FT-NONE") + "/inspections", "application/json",
        inspection, scenario.id("idk")), 403, "PROJECT_NOT_COVERED");

    EntityExchangeResult<byte[]> owner = scenario.insurerA.write("POST", path, "application/json", inspection, scenario.id("idk"));
    assertThat(owner.getStatus().value()).as(SignedClient.text(owner)).isEqualTo(201);
  }

  @Test
  void insurerCannotTakeOverAnotherInsurersProjectByRegisteringAPolicy() {
    String project = scenario.coveredProject()[1];

    EntityExchangeResult<byte[]> takeover = scenario.insurerB.write("POST", "/v1/policies", "application/json", policyCovering(project));
    assertProblem(takeover, 403, "PROJECT_NOT_COVERED");

    // the coverage is unchanged: B still cannot write there, A still can
    byte[] inspection = SignedClient.JSON.writeValueAsBytes(SpecExamples.firstValid("submitInspection"));
    String path = "/v1/projects/" + project + "/inspections";
    assertProblem(scenario.insurerB.write("POST", path, "application/json", inspection, scenario.id("idk")), 403, "PROJECT_NOT_COVERED");
    EntityExchangeResult<byte[]> owner = scenario.insurerA.write("POST", path, "application/json", inspection, scenario.id("idk"));
    assertThat(owner.getStatus().value()).as(SignedClient.text(owner)).isEqualTo(201);
  }

  @Test
  void insurerCannotReadAnotherInsurersSubmission() {
    String[] policy = scenario.coveredProject();
    EntityExchangeResult<byte[]> stored = scenario.insurerA.write("POST", "/v1/projects/" + policy[1] + "/inspections",
        "application/json", SpecExamples.firstValid("submitInspection"));
    assertThat(stored.getStatus().value()).as(SignedClient.text(stored)).isEqualTo(201);
    String path = "/v1/submissions/" + SignedClient.json(stored).path("submissionId").asString();

    assertProblem(scenario.insurerB.get(path), 404, "NOT_FOUND");
    assertProblem(scenario.vendor.get(path), 404, "NOT_FOUND");
    assertProblem(scenario.subdistrict.get(path), 404, "NOT_FOUND");
    // the same answer as for an id that does not exist
    assertProblem(scenario.insurerB.get("/v1/submissions/sub_00000000000000000000000000"), 404, "NOT_FOUND");

    assertThat(scenario.insurerA.get(path).getStatus().value()).isEqualTo(200);
    assertThat(scenario.operator.get(path).getStatus().value()).isEqualTo(200);
  }

  @Test
  void insurerCannotReadAnotherInsurersProject() {
    String project = scenario.coveredProject()[1];
    EntityExchangeResult<byte[]> read = scenario.insurerB.get("/v1/projects/" + project);
    // Refused either way the read side answers it (the project view arrives with the projections):
    // 403 from the authorisation filter or 404 "not visible to this connector" — never the view.
    assertThat(read.getStatus().value()).as(SignedClient.text(read)).isIn(403, 404);
    assertThat(SignedClient.json(read).path("code").asString()).isIn("PROJECT_NOT_COVERED", "NOT_FOUND");
  }

  @Test
  void insurerCannotRecordAFeeOnAnotherInsurersPolicy() {
    String policy = scenario.coveredProject()[0];
    JsonNode fee = SpecExamples.firstValid("recordPreventionFee");
    String path = "/v1/policies/" + policy + "/prevention-fee-entries";

    assertProblem(scenario.insurerB.write("POST", path, "application/json", fee), 403, "PROJECT_NOT_COVERED");
    assertProblem(scenario.insurerB.write("POST", "/v1/policies/" + scenario.id("pol-none") + "/prevention-fee-entries",
        "application/json", fee), 403, "PROJECT_NOT_COVERED");

    // The owner passes authorisation (the example's evidence cites media this scenario has not
    // uploaded, so it may then be refused for that, never for the tenancy).
    EntityExchangeResult<byte[]> owner = scenario.insurerA.write("POST", path, "application/json", fee);
    assertThat(owner.getStatus().value()).as(SignedClient.text(owner)).isIn(201, 422);
    if (owner.getStatus().value() == 422) {
      assertThat(SignedClient.json(owner).path("code").asString()).isEqualTo("MEDIA_NOT_READY");
    }
  }

  @Test
  void vendorCannotPublishForAnotherVendorsDevice() {
    String project = scenario.coveredProject()[1];
    Scenario.Registered otherVendor = scenario.register("DEVICE_VENDOR", null);
    String device = scenario.id("dev");
    scenario.device(otherVendor.client(), device, project);

    assertProblem(scenario.vendor.write("POST", "/v1/alerts", "application/cloudevents+json", alert(device, project)),
        403, "DEVICE_NOT_OWNED");
    assertProblem(scenario.vendor.write("POST", "/v1/alerts/batch", "application/cloudevents-batch+json",
        batch(alert(device, project))), 403, "DEVICE_NOT_OWNED");
    // an unregistered device gets the same answer
    assertProblem(scenario.vendor.write("POST", "/v1/alerts", "application/cloudevents+json", alert(scenario.id("dev"), project)),
        403, "DEVICE_NOT_OWNED");

    EntityExchangeResult<byte[]> owner = otherVendor.client().write("POST", "/v1/alerts", "application/cloudevents+json", alert(device, project));
    assertThat(owner.getStatus().value()).as(SignedClient.text(owner)).isEqualTo(201);
  }

  @Test
  void vendorCannotPublishForItsOwnDeviceOnAnotherProject() {
    String project = scenario.coveredProject()[1];
    String otherProject = scenario.coveredProject()[1];
    String device = scenario.id("dev");
    scenario.device(device, project);

    assertProblem(scenario.vendor.write("POST", "/v1/alerts", "application/cloudevents+json", alert(device, otherProject)),
        403, "DEVICE_NOT_OWNED");
    // one wrong event spoils the batch
    assertProblem(scenario.vendor.write("POST", "/v1/alerts/batch", "application/cloudevents-batch+json",
        batch(alert(device, project), alert(device, otherProject))), 403, "DEVICE_NOT_OWNED");

    EntityExchangeResult<byte[]> own = scenario.vendor.write("POST", "/v1/alerts", "application/cloudevents+json", alert(device, project));
    assertThat(own.getStatus().value()).as(SignedClient.text(own)).isEqualTo(201);
  }

  @Test
  void subdistrictOfficeCannotWrite() {
    String project = scenario.coveredProject()[1];
    assertProblem(scenario.subdistrict.write("POST", "/v1/projects/" + project + "/inspections", "application/json",
        SpecExamples.firstValid("submitInspection")), 403, "OPERATION_NOT_PERMITTED");
    assertProblem(scenario.subdistrict.write("POST", "/v1/policies", "application/json", policyCovering(scenario.id("FT-T"))),
        403, "OPERATION_NOT_PERMITTED");
    assertProblem(scenario.subdistrict.write("POST", "/v1/admin/connectors", "application/json",
        SpecExamples.firstValid("registerConnector")), 403, "OPERATION_NOT_PERMITTED");
  }

  @Test
  void connectorsOtherThanTheOperatorCannotAdminister() {
    for (SignedClient notOperator : new SignedClient[] {scenario.insurerA, scenario.vendor, scenario.subdistrict}) {
      assertProblem(notOperator.write("POST", "/v1/admin/connectors", "application/json",
          SpecExamples.firstValid("registerConnector")), 403, "OPERATION_NOT_PERMITTED");
    }
  }

  private ObjectNode policyCovering(String projectId) {
    ObjectNode body = (ObjectNode) SpecExamples.firstValid("registerPolicy");
    body.put("policyId", scenario.id("pol"));
    ArrayNode projects = (ArrayNode) body.get("projects");
    while (projects.size() > 1) {
      projects.remove(projects.size() - 1);
    }
    ((ObjectNode) projects.get(0)).put("projectId", projectId);
    return body;
  }

  private ObjectNode alert(String deviceId, String projectId) {
    ObjectNode event = (ObjectNode) SpecExamples.of("publishAlert").stream()
        .filter(e -> e.name().equals("valid-minimal-ai")).findFirst().orElseThrow().body().deepCopy();
    event.put("id", scenario.id("evt"));
    event.put("subject", projectId);
    ((ObjectNode) event.get("data")).put("deviceId", deviceId);
    return event;
  }

  private static ArrayNode batch(ObjectNode... events) {
    ArrayNode batch = SignedClient.JSON.createArrayNode();
    for (ObjectNode event : events) {
      batch.add(event);
    }
    return batch;
  }
}
