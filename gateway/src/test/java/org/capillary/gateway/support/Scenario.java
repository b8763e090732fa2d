package org.capillary.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prepares the contract's example bodies for a running gateway: registers the projects, devices
 * and connectors they depend on, with fresh ids so that tests never collide, and says where to
 * send each one.
 */
public final class Scenario {

  /** A request ready to send. */
  public record Prepared(String method, String path, String contentType, JsonNode body, SignedClient client) {}

  private static final AtomicInteger SEQ = new AtomicInteger();

  private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
  public final SignedClient operator;
  public final SignedClient insurerA;
  public final SignedClient insurerB;
  public final SignedClient vendor;
  public final SignedClient subdistrict;
  private final WebTestClient client;

  /** A connector registered by a test, with its private key. */
  public record Registered(String connectorId, String kid, TestSigner signer, SignedClient client) {}

  public Scenario(WebTestClient client) {
    this(client,
        new SignedClient(client, TestSigner.demo("demo-operator-es256-1")),
        new SignedClient(client, TestSigner.demo("demo-insurer-a-es256-1")),
        new SignedClient(client, TestSigner.demo("demo-insurer-b-ed25519-1")),
        new SignedClient(client, TestSigner.demo("demo-camera-vendor-es256-1")),
        new SignedClient(client, TestSigner.demo("demo-futian-nanyuan-es256-1")));
  }

  /**
   * A scenario played by the given connectors instead of the demo ones (e.g. connectors a test
   * registered on a rate plan of its own, on a gateway other processes share).
   */
  public Scenario(WebTestClient client, SignedClient operator, SignedClient insurerA, SignedClient insurerB,
      SignedClient vendor, SignedClient subdistrict) {
    this.client = client;
    this.operator = operator;
    this.insurerA = insurerA;
    this.insurerB = insurerB;
    this.vendor = vendor;
    this.subdistrict = subdistrict;
  }

  /** A fresh id with a prefix. */
  public String id(String prefix) {
    return prefix + "-" + run + "-" + SEQ.incrementAndGet();
  }

  /** Registers a policy of insurer A covering a new project; returns {policyId, projectId}. */
  public String[] coveredProject() {
    return coveredProject(insurerA, id("FT-T"));
  }

  /** Registers a policy of the given insurer covering the given project. */
  public String[] coveredProject(SignedClient insurer, String projectId) {
    ObjectNode body = (ObjectNode) SpecExamples.firstValid("registerPolicy");
    String policyId = id("pol");
    body.put("policyId", policyId);
    ArrayNode projects = (ArrayNode) body.get("projects");
    while (projects.size() > 1) {
      projects.remove(projects.size() - 1);
    }
    ((ObjectNode) projects.get(0)).put("projectId", projectId);
    EntityExchangeResult<byte[]> result = insurer.write("POST", "/v1/policies", "application/json", body);
    assertThat(result.getStatus().value()).as(SignedClient.text(result)).isEqualTo(201);
    return new String[] {policyId, projectId};
  }

  /** Registers a device of the demo vendor on a project. */
  public void device(String deviceId, String projectId) {
    ObjectNode body = (ObjectNode) SpecExamples.firstValid("registerDevice");
    body.put("deviceId", deviceId);
    body.put("projectId", projectId);
    EntityExchangeResult<byte[]> result = vendor.write("POST", "/v1/devices", "application/json", body);
    assertThat(result.getStatus().value()).as(SignedClient.text(result)).isEqualTo(201);
  }

  /** Registers a device of the given vendor on a project. */
  public void device(SignedClient vendor, String deviceId, String projectId) {
    ObjectNode body = (ObjectNode) SpecExamples.firstValid("registerDevice");
    body.put("deviceId", deviceId);
    body.put("projectId", projectId);
    EntityExchangeResult<byte[]> result = vendor.write("POST", "/v1/devices", "application/json", body);
    assertThat(result.getStatus().value()).as(SignedClient.text(result)).isEqualTo(201);
  }

  /**
   * Registers a new connector (through the operator's admin API) with one fresh ES256 key whose
   * private half the test holds.
   *
   * @param role INSURER, DEVICE_VENDOR or OPERATOR
   * @param ratePlan its rate plan, or null for the default
   * @return the connector, ready to sign
   */
  public Registered register(String role, @org.jspecify.annotations.Nullable String ratePlan) {
    ObjectNode body = (ObjectNode) SpecExamples.firstValid("registerConnector");
    String connectorId = id("conn");
    TestSigner signer = TestSigner.generateEs256(id("kid"));
    body.put("connectorId", connectorId);
    body.put("role", role);
    body.remove("subdistrictCodes");
    if (ratePlan == null) {
      body.remove("ratePlan");
    } else {
      body.put("ratePlan", ratePlan);
    }
    ArrayNode keys = ((ObjectNode) body.get("jwks")).putArray("keys");
    keys.add(SignedClient.JSON.valueToTree(signer.publicJwk()));
    EntityExchangeResult<byte[]> result = operator.write("POST", "/v1/admin/connectors", "application/json", body);
    assertThat(result.getStatus().value()).as(SignedClient.text(result)).isEqualTo(201);
    return new Registered(connectorId, signer.kid(), signer, new SignedClient(client, signer));
  }

  /** Registers a new connector with the first valid registration example; returns {connectorId, kid}. */
  public String[] connector() {
    ObjectNode body = (ObjectNode) SpecExamples.firstValid("registerConnector");
    String connectorId = id("conn");
    body.put("connectorId", connectorId);
    String kid = null;
    for (JsonNode key : body.get("jwks").get("keys")) {
      String fresh = id("kid");
      ((ObjectNode) key).put("kid", fresh);
      kid = kid == null ? fresh : kid;
    }
    EntityExchangeResult<byte[]> result = operator.write("POST", "/v1/admin/connectors", "application/json", body);
    assertThat(result.getStatus().value()).as(SignedClient.text(result)).isEqualTo(201);
    return new String[] {connectorId, kid};
  }

  /**
   * Prepares an example for sending: fresh ids, dependencies registered.
   *
   * @param operationId the operation
   * @param example the example body
   * @return what to send, by whom
   */
  public Prepared prepare(String operationId, JsonNode example) {
    return withUploadedMedia(prepareRecord(operationId, example));
  }

  /** A media item uploaded by a test: its id and SHA-256 (hex), as a record cites it. */
  public record Media(String mediaId, String sha256, byte[] content) {}

  /**
   * Uploads bytes as a complete media item of the given connector: createUpload, then one PATCH.
   *
   * @param uploader the connector
   * @param content the bytes
   * @return the complete item
   */
  public Media upload(SignedClient uploader, byte[] content) {
    String sha256 = java.util.HexFormat.of().formatHex(sha256(content));
    String location = declareUpload(uploader, content.length, sha256, "PHOTO", "image/jpeg", null);
    EntityExchangeResult<byte[]> patch = patchChunk(uploader, location, 0, content);
    assertThat(patch.getStatus().value()).as(SignedClient.text(patch)).isEqualTo(204);
    return new Media(location.substring(location.lastIndexOf('/') + 1), sha256, content);
  }

  /**
   * Declares an upload (createUpload) and returns its Location, /v1/uploads/{uploadId}.
   *
   * @param uploader the connector
   * @param length the declared length
   * @param sha256 the declared digest (hex)
   * @param kind PHOTO, VIDEO, ...
   * @param contentType the media type
   * @param projectId the project, or null
   * @return the Location of the upload
   */
  public String declareUpload(SignedClient uploader, long length, String sha256, String kind, String contentType,
      @org.jspecify.annotations.Nullable String projectId) {
    ObjectNode body = SignedClient.JSON.createObjectNode();
    body.put("kind", kind);
    body.put("contentType", contentType);
    body.put("length", length);
    body.put("sha256", sha256);
    if (projectId != null) {
      body.put("projectId", projectId);
    }
    EntityExchangeResult<byte[]> created = uploader.write("POST", "/v1/uploads", "application/json", body);
    assertThat(created.getStatus().value()).as(SignedClient.text(created)).isEqualTo(201);
    String location = created.getResponseHeaders().getFirst("Location");
    assertThat(location).startsWith("/v1/uploads/");
    return location;
  }

  /** Sends one tus PATCH of {@code chunk} at {@code offset}, with its Upload-Checksum and key {@code <uploadId>@<offset>}. */
  public EntityExchangeResult<byte[]> patchChunk(SignedClient uploader, String location, long offset, byte[] chunk) {
    return uploader.send("PATCH", location, "application/offset+octet-stream", chunk,
        location.substring(location.lastIndexOf('/') + 1) + "@" + offset,
        java.util.Map.of("Tus-Resumable", "1.0.0", "Upload-Offset", Long.toString(offset),
            "Upload-Checksum", "sha256 " + java.util.Base64.getEncoder().encodeToString(sha256(chunk))));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every well-formed MediaRef ({mediaId, sha256} and nothing else) of a prepared body is replaced
   * by a small media item the sending connector really uploaded, so records citing media pass the
   * gateway's media check (CAP-MED-01). Malformed ones, the error of an invalid example, stay.
   */
  private Prepared withUploadedMedia(Prepared prepared) {
    replaceMediaRefs(prepared.body(), prepared.client());
    return prepared;
  }

  private void replaceMediaRefs(JsonNode node, SignedClient uploader) {
    if (node instanceof ObjectNode o && o.size() == 2 && isWellFormed(o.get("mediaId"), ID)
        && o.path("sha256").isString() && o.path("sha256").stringValue().matches("[0-9a-f]{64}")) {
      byte[] content = ("media of " + id("med") + " for a test record").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Media media = upload(uploader, content);
      o.put("mediaId", media.mediaId());
      o.put("sha256", media.sha256());
      return;
    }
    for (JsonNode child : node) {
      replaceMediaRefs(child, uploader);
    }
  }

  private Prepared prepareRecord(String operationId, JsonNode example) {
    JsonNode body = example.deepCopy();
    switch (operationId) {
      case "registerPolicy" -> {
        replaceIfWellFormed(body, "policyId", ID, id("pol"));
        for (JsonNode p : body.path("projects")) {
          replaceIfWellFormed(p, "projectId", PROJECT, id("FT-T"));
        }
        return new Prepared("POST", "/v1/policies", "application/json", body, insurerA);
      }
      case "recordPreventionFee" -> {
        String[] policy = coveredProject();
        return new Prepared("POST", "/v1/policies/" + policy[0] + "/prevention-fee-entries", "application/json", body, insurerA);
      }
      case "registerDevice" -> {
        replaceIfWellFormed(body, "deviceId", ID, id("dev"));
        if (isWellFormed(body.get("projectId"), PROJECT)) {
          replaceIfWellFormed(body, "projectId", PROJECT, coveredProject()[1]);
        }
        return new Prepared("POST", "/v1/devices", "application/json", body, vendor);
      }
      case "publishAlert" -> {
        prepareEvent(body);
        return new Prepared("POST", "/v1/alerts", "application/cloudevents+json", body, vendor);
      }
      case "publishAlertBatch" -> {
        String projectId = coveredProject()[1];
        for (JsonNode event : body) {
          prepareEvent(event, projectId);
        }
        return new Prepared("POST", "/v1/alerts/batch", "application/cloudevents-batch+json", body, vendor);
      }
      case "registerConnector" -> {
        replaceIfWellFormed(body, "connectorId", ID, id("conn"));
        for (JsonNode key : body.path("jwks").path("keys")) {
          replaceIfWellFormed(key, "kid", KID, id("kid"));
        }
        return new Prepared("POST", "/v1/admin/connectors", "application/json", body, operator);
      }
      case "updateConnector" -> {
        return new Prepared("PATCH", "/v1/admin/connectors/" + connector()[0], "application/merge-patch+json", body, operator);
      }
      case "addConnectorKey" -> {
        replaceIfWellFormed(body.path("jwk"), "kid", KID, id("kid"));
        return new Prepared("POST", "/v1/admin/connectors/" + connector()[0] + "/keys", "application/json", body, operator);
      }
      case "rotateConnectorKey" -> {
        String[] c = connector();
        replaceIfWellFormed(body, "retireKid", KID, c[1]);
        replaceIfWellFormed(body.path("newKey"), "kid", KID, id("kid"));
        return new Prepared("POST", "/v1/admin/connectors/" + c[0] + "/key-rotations", "application/json", body, operator);
      }
      case "revokeConnectorKey" -> {
        String[] c = connector();
        return new Prepared("POST", "/v1/admin/connectors/" + c[0] + "/keys/" + c[1] + "/revocation", "application/json", body, operator);
      }
      case "createUpload" -> {
        if (isWellFormed(body.get("projectId"), PROJECT)) {
          replaceIfWellFormed(body, "projectId", PROJECT, coveredProject()[1]);
        }
        return new Prepared("POST", "/v1/uploads", "application/json", body, insurerA);
      }
      case "createSubscription" -> {
        replaceIfWellFormed(body, "subscriptionId", ID, id("subn"));
        return new Prepared("POST", "/v1/admin/subscriptions", "application/json", body, operator);
      }
      default -> {
        String[] policy = coveredProject();
        String path = switch (operationId) {
          case "reportWorksStatus" -> "status-changes";
          case "submitRiskAssessment" -> "risk-assessments";
          case "submitInspection" -> "inspections";
          case "submitRectification" -> "rectifications";
          case "submitRectificationVerification" -> "rectification-verifications";
          case "reviewAlert" -> "alert-reviews";
          case "submitTraining" -> "trainings";
          case "submitEmergencyPlan" -> "emergency-plans";
          case "submitDrill" -> "drills";
          default -> throw new IllegalArgumentException("no scenario for " + operationId);
        };
        return new Prepared("POST", "/v1/projects/" + policy[1] + "/" + path, "application/json", body, insurerA);
      }
    }
  }

  private void prepareEvent(JsonNode event) {
    prepareEvent(event, coveredProject()[1]);
  }

  private void prepareEvent(JsonNode event, String projectId) {
    JsonNode data = event.path("data");
    if (isWellFormed(data.get("deviceId"), ID)) {
      String deviceId = id("dev");
      replaceIfWellFormed(data, "deviceId", ID, deviceId);
      device(deviceId, projectId);
    }
    replaceIfWellFormed(event, "subject", PROJECT, projectId);
  }

  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$");
  private static final java.util.regex.Pattern PROJECT = java.util.regex.Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{5,39}$");
  private static final java.util.regex.Pattern KID = java.util.regex.Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

  /** Example values that are themselves the error an invalid example shows are left alone. */
  private static boolean isWellFormed(JsonNode value, java.util.regex.Pattern pattern) {
    return value != null && value.isString() && pattern.matcher(value.stringValue()).matches();
  }

  private static void replaceIfWellFormed(JsonNode node, String field, java.util.regex.Pattern pattern, String value) {
    if (node instanceof ObjectNode o && isWellFormed(o.get(field), pattern)) {
      o.put(field, value);
    }
  }
}
