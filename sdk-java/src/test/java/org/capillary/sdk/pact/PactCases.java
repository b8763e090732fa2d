package org.capillary.sdk.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.implementation.Json;
import org.capillary.sdk.models.AlertEvent;
import org.capillary.sdk.models.ConnectorKey;
import org.capillary.sdk.models.ConnectorRegistration;
import org.capillary.sdk.models.ConnectorUpdate;
import org.capillary.sdk.models.DeviceRegistration;
import org.capillary.sdk.models.Drill;
import org.capillary.sdk.models.EmergencyPlan;
import org.capillary.sdk.models.Inspection;
import org.capillary.sdk.models.KeyRevocation;
import org.capillary.sdk.models.KeyRotation;
import org.capillary.sdk.models.PolicyRegistration;
import org.capillary.sdk.models.PreventionFeeEntry;
import org.capillary.sdk.models.Rectification;
import org.capillary.sdk.models.AlertReview;
import org.capillary.sdk.models.RectificationVerification;
import org.capillary.sdk.models.RiskAssessment;
import org.capillary.sdk.models.SubmissionReceipt;
import org.capillary.sdk.models.Subscription;
import org.capillary.sdk.models.TrainingSession;
import org.capillary.sdk.models.WorksStatusChange;
import org.capillary.sdk.models.WriteOptions;
import org.capillary.sdk.testing.Vectors;
import org.jspecify.annotations.Nullable;

/**
 * The write operations of the SDK as pact interactions: for each, who calls it, where, in which
 * provider state, with which body (the contract's first valid example, with the ids the provider
 * states set up), and how the SDK is called.
 *
 * <p>Provider states (the gateway's provider test sets them up; params name the ids):
 * <ul>
 *   <li>{@value #POLICY_STATE}: {@code policyId}, {@code projectId}</li>
 *   <li>{@value #DEVICE_STATE}: {@code policyId}, {@code projectId}, {@code deviceId}</li>
 *   <li>{@value #CONNECTOR_STATE}: {@code connectorId}, {@code kid}</li>
 *   <li>{@value #SUBSCRIPTION_STATE}: {@code subscriptionId}</li>
 *   <li>{@value #SUBMISSION_STATE}: returns {@code submissionId}</li>
 *   <li>{@value PactBodies#MEDIA_STATE}: {@code kid}, {@code count}; returns {@code media0..}</li>
 * </ul>
 */
final class PactCases {

  static final String CONSUMER = "capillary-sdk-java";
  static final String PROVIDER = "capillary-gateway";

  static final String POLICY_STATE = "demo-insurer-a holds a policy covering a project";
  static final String DEVICE_STATE = "demo-camera-vendor has a device on a covered project";
  static final String CONNECTOR_STATE = "a connector is registered";
  static final String SUBSCRIPTION_STATE = "a subscription exists";
  static final String SUBMISSION_STATE = "demo-insurer-a has filed a submission";

  static final String PROJECT = "FT-PACT-000001";
  static final String POLICY = "pol-pact-000001";
  static final String DEVICE = "cam-pact-000001";

  static final String INSURER = "demo-insurer-a";
  static final String VENDOR = "demo-camera-vendor";
  static final String OPERATOR = "demo-operator";

  /** Calls the SDK with the body read into its model. */
  @FunctionalInterface
  interface Invoker {
    SubmissionReceipt call(CapillaryClient client, byte[] body, WriteOptions options) throws IOException;
  }

  /**
   * One write.
   *
   * @param body the request body as the SDK serialises it (Json.write of the model)
   * @param projectId the receipt's {@code prj}, or null
   */
  record Write(String operationId, String connectorId, String method, String path, String contentType,
      List<ProviderState> states, byte[] body, @Nullable String projectId, Invoker invoker) {

    String idempotencyKey() {
      return "pact-" + operationId + "-0001";
    }

    /** The body as sent, as a tree (for the pact's body). */
    JsonNode wire() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A provider state with its parameters. */
  record ProviderState(String name, Map<String, Object> params) {
  }

  /** Serialises into the model's wire form, with its MediaRefs replaced and the media state they need. */
  private static Write make(String operationId, String connectorId, String method, String path, String contentType,
      @Nullable String state, Map<String, Object> stateParams, JsonNode tree, Class<?> type, @Nullable String projectId,
      Invoker invoker) {
    int media = PactBodies.replaceMediaRefs(tree);
    List<ProviderState> states = new ArrayList<>();
    if (state != null) {
      states.add(new ProviderState(state, stateParams));
    }
    if (media > 0) {
      states.add(new ProviderState(PactBodies.MEDIA_STATE, params("kid", kidOf(connectorId), "count", media)));
    }
    byte[] body = type == AlertEvent[].class ? batchWire((ArrayNode) tree) : wire(tree, type);
    return new Write(operationId, connectorId, method, path, contentType, List.copyOf(states), body, projectId, invoker);
  }

  private PactCases() {
  }

  static String kidOf(String connectorId) {
    return connectorId + "-es256-1";
  }

  static JsonNode example(String operationId) {
    try {
      List<Path> files = Vectors.examples(operationId);
      Path first = files.stream().filter(p -> p.getFileName().toString().startsWith("valid")).findFirst().orElseThrow();
      return Json.MAPPER.readTree(first.toFile()).get("body").deepCopy();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The octets the SDK sends for this body read into {@code type} (it serialises the model once). */
  static byte[] wire(JsonNode body, Class<?> type) {
    try {
      return Json.write(Json.MAPPER.treeToValue(body, type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T read(byte[] body, Class<T> type) {
    return Json.read(body, type);
  }

  static Map<String, Object> params(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static Map<String, Object> policyParams() {
    return params("policyId", POLICY, "projectId", PROJECT);
  }

  static Map<String, Object> connectorParams(String connectorId) {
    return params("connectorId", connectorId, "kid", connectorId + "-k1");
  }

  private static Write project(String operationId, String segment, Class<?> type, Invoker invoker) {
    return make(operationId, INSURER, "POST", "/v1/projects/" + PROJECT + "/" + segment, "application/json",
        POLICY_STATE, policyParams(), example(operationId), type, PROJECT, invoker);
  }

  /** Every write of the SDK, in a stable order. */
  static Map<String, Write> writes() {
    Map<String, Write> w = new LinkedHashMap<>();
    JsonNode policy = example("registerPolicy");
    w.put("registerPolicy", make("registerPolicy", INSURER, "POST", "/v1/policies", "application/json", null, Map.of(),
        policy, PolicyRegistration.class, policy.get("projects").get(0).get("projectId").asText(),
        (c, b, o) -> c.registerPolicy(read(b, PolicyRegistration.class), o)));
    w.put("reportWorksStatus", project("reportWorksStatus", "status-changes", WorksStatusChange.class,
        (c, b, o) -> c.reportWorksStatus(PROJECT, read(b, WorksStatusChange.class), o)));
    w.put("submitRiskAssessment", project("submitRiskAssessment", "risk-assessments", RiskAssessment.class,
        (c, b, o) -> c.submitRiskAssessment(PROJECT, read(b, RiskAssessment.class), o)));
    w.put("submitInspection", project("submitInspection", "inspections", Inspection.class,
        (c, b, o) -> c.submitInspection(PROJECT, read(b, Inspection.class), o)));
    w.put("submitRectification", project("submitRectification", "rectifications", Rectification.class,
        (c, b, o) -> c.submitRectification(PROJECT, read(b, Rectification.class), o)));
    w.put("submitRectificationVerification", project("submitRectificationVerification", "rectification-verifications",
        RectificationVerification.class,
        (c, b, o) -> c.submitRectificationVerification(PROJECT, read(b, RectificationVerification.class), o)));
    w.put("reviewAlert", project("reviewAlert", "alert-reviews", AlertReview.class,
        (c, b, o) -> c.reviewAlert(PROJECT, read(b, AlertReview.class), o)));
    w.put("submitTraining", project("submitTraining", "trainings", TrainingSession.class,
        (c, b, o) -> c.submitTraining(PROJECT, read(b, TrainingSession.class), o)));
    w.put("submitEmergencyPlan", project("submitEmergencyPlan", "emergency-plans", EmergencyPlan.class,
        (c, b, o) -> c.submitEmergencyPlan(PROJECT, read(b, EmergencyPlan.class), o)));
    w.put("submitDrill", project("submitDrill", "drills", Drill.class,
        (c, b, o) -> c.submitDrill(PROJECT, read(b, Drill.class), o)));

    ObjectNode fee = (ObjectNode) example("recordPreventionFee");
    fee.put("projectId", PROJECT);
    w.put("recordPreventionFee", make("recordPreventionFee", INSURER, "POST",
        "/v1/policies/" + POLICY + "/prevention-fee-entries", "application/json", POLICY_STATE, policyParams(),
        fee, PreventionFeeEntry.class, null,
        (c, b, o) -> c.recordPreventionFee(POLICY, read(b, PreventionFeeEntry.class), o)));

    ObjectNode device = (ObjectNode) example("registerDevice");
    device.put("deviceId", "emon-pact-000001");
    device.put("projectId", PROJECT);
    w.put("registerDevice", make("registerDevice", VENDOR, "POST", "/v1/devices", "application/json", POLICY_STATE,
        policyParams(), device, DeviceRegistration.class, PROJECT,
        (c, b, o) -> c.registerDevice(read(b, DeviceRegistration.class), o)));

    ObjectNode alert = (ObjectNode) example("publishAlert");
    onDevice(alert);
    Map<String, Object> deviceParams = params("policyId", POLICY, "projectId", PROJECT, "deviceId", DEVICE);
    w.put("publishAlert", make("publishAlert", VENDOR, "POST", "/v1/alerts", "application/cloudevents+json",
        DEVICE_STATE, deviceParams, alert, AlertEvent.class, PROJECT,
        (c, b, o) -> c.publishAlert(read(b, AlertEvent.class), o)));

    ArrayNode batch = (ArrayNode) example("publishAlertBatch");
    batch.forEach(e -> onDevice((ObjectNode) e));
    w.put("publishAlertBatch", make("publishAlertBatch", VENDOR, "POST", "/v1/alerts/batch",
        "application/cloudevents-batch+json", DEVICE_STATE, deviceParams, batch, AlertEvent[].class, PROJECT,
        (c, b, o) -> c.publishAlertBatch(batchRead(b), o)));

    w.put("registerConnector", make("registerConnector", OPERATOR, "POST", "/v1/admin/connectors", "application/json",
        null, Map.of(), example("registerConnector"), ConnectorRegistration.class, null,
        (c, b, o) -> c.registerConnector(read(b, ConnectorRegistration.class), o)));
    w.put("updateConnector", make("updateConnector", OPERATOR, "PATCH", "/v1/admin/connectors/pact-conn-update",
        "application/merge-patch+json", CONNECTOR_STATE, connectorParams("pact-conn-update"),
        example("updateConnector"), ConnectorUpdate.class, null,
        (c, b, o) -> c.updateConnector("pact-conn-update", read(b, ConnectorUpdate.class), o)));
    w.put("addConnectorKey", make("addConnectorKey", OPERATOR, "POST", "/v1/admin/connectors/pact-conn-addkey/keys",
        "application/json", CONNECTOR_STATE, connectorParams("pact-conn-addkey"),
        example("addConnectorKey"), ConnectorKey.class, null,
        (c, b, o) -> c.addConnectorKey("pact-conn-addkey", read(b, ConnectorKey.class), o)));
    ObjectNode rotation = (ObjectNode) example("rotateConnectorKey");
    rotation.put("retireKid", "pact-conn-rotate-k1");
    w.put("rotateConnectorKey", make("rotateConnectorKey", OPERATOR, "POST",
        "/v1/admin/connectors/pact-conn-rotate/key-rotations", "application/json", CONNECTOR_STATE,
        connectorParams("pact-conn-rotate"), rotation, KeyRotation.class, null,
        (c, b, o) -> c.rotateConnectorKey("pact-conn-rotate", read(b, KeyRotation.class), o)));
    w.put("revokeConnectorKey", make("revokeConnectorKey", OPERATOR, "POST",
        "/v1/admin/connectors/pact-conn-revoke/keys/pact-conn-revoke-k1/revocation", "application/json", CONNECTOR_STATE,
        connectorParams("pact-conn-revoke"), example("revokeConnectorKey"), KeyRevocation.class, null,
        (c, b, o) -> c.revokeConnectorKey("pact-conn-revoke", "pact-conn-revoke-k1", read(b, KeyRevocation.class), o)));
    w.put("createSubscription", make("createSubscription", OPERATOR, "POST", "/v1/admin/subscriptions",
        "application/json", null, Map.of(), example("createSubscription"), Subscription.class, null,
        (c, b, o) -> c.createSubscription(read(b, Subscription.class), o)));
    return w;
  }

  private static void onDevice(ObjectNode event) {
    ((ObjectNode) event.get("data")).put("deviceId", DEVICE);
    event.put("subject", PROJECT);
    event.put("source", "urn:capillary:device:" + DEVICE);
  }

  private static byte[] batchWire(ArrayNode batch) {
    List<AlertEvent> events = new ArrayList<>();
    batch.forEach(e -> {
      try {
        events.add(Json.MAPPER.treeToValue(e, AlertEvent.class));
      } catch (IOException x) {
        throw new UncheckedIOException(x);
      }
    });
    return Json.write(events);
  }

  private static List<AlertEvent> batchRead(byte[] body) throws IOException {
    return List.of(Json.MAPPER.readValue(body, AlertEvent[].class));
  }
}
