package org.capillary.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.capillary.sdk.CapillaryAsyncClient;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.exception.AuthenticationException;
import org.capillary.sdk.exception.CapillaryServiceException;
import org.capillary.sdk.exception.ConflictException;
import org.capillary.sdk.exception.NotFoundException;
import org.capillary.sdk.exception.ValidationException;
import org.capillary.sdk.exception.Violation;
import org.capillary.sdk.models.AlertEvent;
import org.capillary.sdk.models.ConnectorKey;
import org.capillary.sdk.models.ConnectorRegistration;
import org.capillary.sdk.models.ConnectorUpdate;
import org.capillary.sdk.models.DeviceRegistration;
import org.capillary.sdk.models.Drill;
import org.capillary.sdk.models.EmergencyPlan;
import org.capillary.sdk.models.Hazard;
import org.capillary.sdk.models.HazardListOptions;
import org.capillary.sdk.models.Inspection;
import org.capillary.sdk.models.KeyRevocation;
import org.capillary.sdk.models.KeyRotation;
import org.capillary.sdk.models.Page;
import org.capillary.sdk.models.PolicyRegistration;
import org.capillary.sdk.models.ProjectView;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Java SDK against a real gateway started in the test (embedded profile, H2 in a fresh folder,
 * real HTTP on a random port): every write operation the SDK offers, with the first valid example of
 * the contract read into the SDK's model, answered with a receipt that the SDK verified against the
 * gateway's JWK Set and that names what was sent; the async client; reads; and the typed exceptions
 * the SDK builds from the gateway's real problem documents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SdkEndToEndTest {

  static final String INSURER = "demo-insurer-a";
  static final String VENDOR = "demo-camera-vendor";
  static final String OPERATOR = "demo-operator";

  private static final Path DATA_DIR;

  static {
    try {
      DATA_DIR = Files.createTempDirectory("capillary-sdk-e2e");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("capillary.gateway.data-dir", DATA_DIR::toString);
  }

  /** The write operations covered below (each SDK method that answers with a receipt, plus deleteSubscription). */
  static final Set<String> PROJECT_OPERATIONS = Set.of("reportWorksStatus", "submitRiskAssessment", "submitInspection",
      "submitRectification", "submitRectificationVerification", "reviewAlert", "submitTraining", "submitEmergencyPlan",
      "submitDrill");

  @LocalServerPort
  int port;

  SdkFixtures fx;
  CapillaryClient insurer;
  CapillaryClient vendor;
  CapillaryClient operator;

  @BeforeEach
  void clients() {
    fx = new SdkFixtures(port);
    insurer = fx.client(INSURER, "demo-insurer-a-es256-1");
    vendor = fx.client(VENDOR, "demo-camera-vendor-es256-1");
    operator = fx.client(OPERATOR, "demo-operator-es256-1");
  }

  // ---------------------------------------------------------------- coverage of the SDK surface

  @Test
  void everyWriteMethodOfTheSdkIsExercisedHere() {
    Set<String> sdkWrites = Arrays.stream(CapillaryClient.class.getMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getDeclaringClass() == CapillaryClient.class)
        .filter(m -> m.getReturnType() == SubmissionReceipt.class || m.getName().startsWith("delete"))
        .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    Set<String> here = new TreeSet<>(PROJECT_OPERATIONS);
    here.addAll(List.of("registerPolicy", "recordPreventionFee", "registerDevice", "publishAlert", "publishAlertBatch",
        "registerConnector", "updateConnector", "addConnectorKey", "rotateConnectorKey", "revokeConnectorKey",
        "createSubscription", "deleteSubscription"));
    assertThat(here).isEqualTo(sdkWrites);
  }

  // ---------------------------------------------------------------- insurer

  /** Registers a policy through the SDK (receipt checked) covering one new project: {policyId, projectId}. */
  String[] policyViaSdk() {
    ObjectNode body = (ObjectNode) SdkFixtures.example("registerPolicy");
    String policyId = SdkFixtures.id("pol");
    String projectId = SdkFixtures.id("FT-S");
    body.put("policyId", policyId);
    ArrayNode projects = (ArrayNode) body.get("projects");
    for (int i = 0; i < projects.size(); i++) {
      ((ObjectNode) projects.get(i)).put("projectId", i == 0 ? projectId : SdkFixtures.id("FT-S"));
    }
    PolicyRegistration policy = SdkFixtures.model(body, PolicyRegistration.class);
    String key = SdkFixtures.id("idk");
    fx.checkReceipt(insurer, insurer.registerPolicy(policy, WriteOptions.idempotencyKey(key)), "registerPolicy",
        INSURER, policy, key);
    return new String[] {policyId, projectId};
  }

  @Test
  void registerPolicy() {
    String[] policy = policyViaSdk();
    assertThat(policy[1]).startsWith("FT-S");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"reportWorksStatus", "submitRiskAssessment", "submitInspection", "submitRectification",
      "submitRectificationVerification", "reviewAlert", "submitTraining", "submitEmergencyPlan", "submitDrill"})
  void projectOperation(String operationId) {
    String projectId = policyViaSdk()[1];
    JsonNode body = fx.withUploadedMedia(SdkFixtures.example(operationId), "demo-insurer-a-es256-1");
    String key = SdkFixtures.id("idk");
    WriteOptions options = WriteOptions.idempotencyKey(key);
    Object model;
    SubmissionReceipt receipt;
    switch (operationId) {
      case "reportWorksStatus" -> {
        WorksStatusChange m = SdkFixtures.model(body, WorksStatusChange.class);
        model = m;
        receipt = insurer.reportWorksStatus(projectId, m, options);
      }
      case "submitRiskAssessment" -> {
        RiskAssessment m = SdkFixtures.model(body, RiskAssessment.class);
        model = m;
        receipt = insurer.submitRiskAssessment(projectId, m, options);
      }
      case "submitInspection" -> {
        Inspection m = SdkFixtures.model(body, Inspection.class);
        model = m;
        receipt = insurer.submitInspection(projectId, m, options);
      }
      case "submitRectification" -> {
        Rectification m = SdkFixtures.model(body, Rectification.class);
        model = m;
        receipt = insurer.submitRectification(projectId, m, options);
      }
      case "submitRectificationVerification" -> {
        RectificationVerification m = SdkFixtures.model(body, RectificationVerification.class);
        model = m;
        receipt = insurer.submitRectificationVerification(projectId, m, options);
      }
      case "reviewAlert" -> {
        AlertReview m = SdkFixtures.model(body, AlertReview.class);
        model = m;
        receipt = insurer.reviewAlert(projectId, m, options);
      }
      case "submitTraining" -> {
        TrainingSession m = SdkFixtures.model(body, TrainingSession.class);
        model = m;
        receipt = insurer.submitTraining(projectId, m, options);
      }
      case "submitEmergencyPlan" -> {
        EmergencyPlan m = SdkFixtures.model(body, EmergencyPlan.class);
        model = m;
        receipt = insurer.submitEmergencyPlan(projectId, m, options);
      }
      case "submitDrill" -> {
        Drill m = SdkFixtures.model(body, Drill.class);
        model = m;
        receipt = insurer.submitDrill(projectId, m, options);
      }
      default -> throw new IllegalArgumentException(operationId);
    }
    fx.checkReceipt(insurer, receipt, operationId, INSURER, model, key);
    assertThat(receipt.claims().projectId()).isEqualTo(projectId);
    assertThat(receipt.document().getProjectId()).isEqualTo(projectId);
  }

  @Test
  void recordPreventionFee() {
    String policyId = policyViaSdk()[0];
    PreventionFeeEntry entry = SdkFixtures.model(
        fx.withUploadedMedia(SdkFixtures.example("recordPreventionFee"), "demo-insurer-a-es256-1"), PreventionFeeEntry.class);
    String key = SdkFixtures.id("idk");
    fx.checkReceipt(insurer, insurer.recordPreventionFee(policyId, entry, WriteOptions.idempotencyKey(key)),
        "recordPreventionFee", INSURER, entry, key);
  }

  /**
   * WriteOptions documents repeating a call with its own Idempotency-Key (after a crash or an
   * outcome-unknown failure) as the way to get the stored result: the gateway answers with the
   * stored response, whose receipt names the first call's jti, and the SDK accepts it as replayed
   * (SIGNING.md CAP-SIG-20); the same key with another body is a conflict.
   */
  @Test
  void repeatingACallWithItsIdempotencyKey() {
    String projectId = policyViaSdk()[1];
    Inspection inspection = SdkFixtures.model(
        fx.withUploadedMedia(SdkFixtures.example("submitInspection"), "demo-insurer-a-es256-1"), Inspection.class);
    WriteOptions options = WriteOptions.idempotencyKey(SdkFixtures.id("idk"));
    SubmissionReceipt first = insurer.submitInspection(projectId, inspection, options);
    assertThat(first.replayed()).isFalse();

    // The documented repeat after a crash: the stored answer (its receipt names the first call's
    // jti) is accepted, marked replayed, and is the same submission.
    SubmissionReceipt again = insurer.submitInspection(projectId, inspection, options);
    assertThat(again.replayed()).isTrue();
    assertThat(again.submissionId()).isEqualTo(first.submissionId());

    inspection.setInspectionId(SdkFixtures.id("insp"));
    assertThatThrownBy(() -> insurer.submitInspection(projectId, inspection, options))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
          assertThat(e.statusCode()).isEqualTo(422);
        });
  }

  @Test
  void asyncClientFilesAndVerifiesToo() throws Exception {
    String projectId = policyViaSdk()[1];
    CapillaryAsyncClient async = fx.builder(INSURER, "demo-insurer-a-es256-1").buildAsyncClient();
    Inspection inspection = SdkFixtures.model(
        fx.withUploadedMedia(SdkFixtures.example("submitInspection"), "demo-insurer-a-es256-1"), Inspection.class);
    String key = SdkFixtures.id("idk");
    SubmissionReceipt receipt = async.submitInspection(projectId, inspection, WriteOptions.idempotencyKey(key))
        .get(30, TimeUnit.SECONDS);
    fx.checkReceipt(insurer, receipt, "submitInspection", INSURER, inspection, key);
    assertThat(async.getSubmission(receipt.submissionId()).get(30, TimeUnit.SECONDS).getReceipt())
        .isEqualTo(receipt.receipt());
  }

  // ---------------------------------------------------------------- device vendor

  /** Registers a device of the demo vendor through the SDK (receipt checked) on a covered project. */
  String deviceViaSdk(String projectId) {
    ObjectNode body = (ObjectNode) SdkFixtures.example("registerDevice");
    String deviceId = SdkFixtures.id("dev");
    body.put("deviceId", deviceId);
    body.put("projectId", projectId);
    DeviceRegistration device = SdkFixtures.model(body, DeviceRegistration.class);
    String key = SdkFixtures.id("idk");
    fx.checkReceipt(vendor, vendor.registerDevice(device, WriteOptions.idempotencyKey(key)), "registerDevice", VENDOR,
        device, key);
    return deviceId;
  }

  @Test
  void registerDevice() {
    assertThat(deviceViaSdk(policyViaSdk()[1])).startsWith("dev-");
  }

  @Test
  void publishAlert() {
    String projectId = policyViaSdk()[1];
    ObjectNode body = (ObjectNode) fx.withUploadedMedia(SdkFixtures.example("publishAlert"), "demo-camera-vendor-es256-1");
    ((ObjectNode) body.get("data")).put("deviceId", deviceViaSdk(projectId));
    body.put("subject", projectId);
    AlertEvent event = SdkFixtures.model(body, AlertEvent.class);
    String key = SdkFixtures.id("idk");
    fx.checkReceipt(vendor, vendor.publishAlert(event, WriteOptions.idempotencyKey(key)), "publishAlert", VENDOR,
        event, key);
  }

  @Test
  void publishAlertBatch() {
    String projectId = policyViaSdk()[1];
    ArrayNode body = (ArrayNode) fx.withUploadedMedia(SdkFixtures.example("publishAlertBatch"), "demo-camera-vendor-es256-1");
    List<AlertEvent> events = new ArrayList<>();
    for (JsonNode e : body) {
      ((ObjectNode) e.get("data")).put("deviceId", deviceViaSdk(projectId));
      ((ObjectNode) e).put("subject", projectId);
      events.add(SdkFixtures.model(e, AlertEvent.class));
    }
    String key = SdkFixtures.id("idk");
    fx.checkReceipt(vendor, vendor.publishAlertBatch(events, WriteOptions.idempotencyKey(key)), "publishAlertBatch",
        VENDOR, events, key);
  }

  // ---------------------------------------------------------------- operator

  /** Registers a connector through the SDK (receipt checked): {connectorId, first kid}. */
  String[] connectorViaSdk(JsonNode registration) {
    ObjectNode body = (ObjectNode) registration;
    String connectorId = SdkFixtures.id("conn");
    body.put("connectorId", connectorId);
    String firstKid = null;
    for (JsonNode key : body.get("jwks").get("keys")) {
      String kid = SdkFixtures.id("kid");
      ((ObjectNode) key).put("kid", kid);
      firstKid = firstKid == null ? kid : firstKid;
    }
    ConnectorRegistration model = SdkFixtures.model(body, ConnectorRegistration.class);
    String key = SdkFixtures.id("idk");
    fx.checkReceipt(operator, operator.registerConnector(model, WriteOptions.idempotencyKey(key)), "registerConnector",
        OPERATOR, model, key);
    return new String[] {connectorId, firstKid};
  }

  String[] connectorViaSdk() {
    return connectorViaSdk(SdkFixtures.example("registerConnector"));
  }

  @Test
  void registerConnector() {
    String connectorId = connectorViaSdk()[0];
    assertThat(connectorId).startsWith("conn-");
  }

  @Test
  void updateConnector() {
    String connectorId = connectorViaSdk()[0];
    ConnectorUpdate update = SdkFixtures.model(SdkFixtures.example("updateConnector"), ConnectorUpdate.class);
    String key = SdkFixtures.id("idk");
    fx.checkReceipt(operator, operator.updateConnector(connectorId, update, WriteOptions.idempotencyKey(key)),
        "updateConnector", OPERATOR, update, key);
  }

  @Test
  void addConnectorKey() {
    String connectorId = connectorViaSdk()[0];
    ObjectNode body = (ObjectNode) SdkFixtures.example("addConnectorKey");
    ((ObjectNode) body.get("jwk")).put("kid", SdkFixtures.id("kid"));
    ConnectorKey model = SdkFixtures.model(body, ConnectorKey.class);
    String key = SdkFixtures.id("idk");
    fx.checkReceipt(operator, operator.addConnectorKey(connectorId, model, WriteOptions.idempotencyKey(key)),
        "addConnectorKey", OPERATOR, model, key);
  }

  @Test
  void rotateConnectorKey() {
    String[] connector = connectorViaSdk();
    ObjectNode body = (ObjectNode) SdkFixtures.example("rotateConnectorKey");
    body.put("retireKid", connector[1]);
    ((ObjectNode) body.get("newKey")).put("kid", SdkFixtures.id("kid"));
    KeyRotation model = SdkFixtures.model(body, KeyRotation.class);
    String key = SdkFixtures.id("idk");
    fx.checkReceipt(operator, operator.rotateConnectorKey(connector[0], model, WriteOptions.idempotencyKey(key)),
        "rotateConnectorKey", OPERATOR, model, key);
  }

  @Test
  void revokeConnectorKey() {
    String[] connector = connectorViaSdk();
    KeyRevocation model = SdkFixtures.model(SdkFixtures.example("revokeConnectorKey"), KeyRevocation.class);
    String key = SdkFixtures.id("idk");
    fx.checkReceipt(operator, operator.revokeConnectorKey(connector[0], connector[1], model,
        WriteOptions.idempotencyKey(key)), "revokeConnectorKey", OPERATOR, model, key);
  }

  @Test
  void createSubscription() {
    ObjectNode body = (ObjectNode) SdkFixtures.example("createSubscription");
    body.put("subscriptionId", SdkFixtures.id("subn"));
    Subscription model = SdkFixtures.model(body, Subscription.class);
    String key = SdkFixtures.id("idk");
    fx.checkReceipt(operator, operator.createSubscription(model, WriteOptions.idempotencyKey(key)),
        "createSubscription", OPERATOR, model, key);
  }

  /**
   * deleteSubscription, a write without a body signed over the empty body: 204; a retry with the
   * same Idempotency-Key is answered 204 again; a second deletion is NOT_FOUND, typed.
   */
  @Test
  void deleteSubscription() {
    ObjectNode body = (ObjectNode) SdkFixtures.example("createSubscription");
    String subscriptionId = SdkFixtures.id("subn");
    body.put("subscriptionId", subscriptionId);
    Subscription model = SdkFixtures.model(body, Subscription.class);
    String key = SdkFixtures.id("idk");
    fx.checkReceipt(operator, operator.createSubscription(model, WriteOptions.idempotencyKey(key)),
        "createSubscription", OPERATOR, model, key);
    String deleteKey = SdkFixtures.id("idk");
    operator.deleteSubscription(subscriptionId, WriteOptions.idempotencyKey(deleteKey));
    operator.deleteSubscription(subscriptionId, WriteOptions.idempotencyKey(deleteKey));
    assertThatThrownBy(() -> operator.deleteSubscription(subscriptionId))
        .isInstanceOfSatisfying(CapillaryServiceException.class, e -> {
          assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo("NOT_FOUND");
          assertThat(e.requestId()).isNotBlank();
        });
  }

  // ---------------------------------------------------------------- reads

  @Test
  void readModelsThroughTheSdk() {
    String[] policy = policyViaSdk();
    String projectId = policy[1];
    ProjectView project = eventually(() -> insurer.getProject(projectId));
    assertThat(project.getProjectId()).isEqualTo(projectId);
    assertThat(project.getPolicy().getPolicyId()).isEqualTo(policy[0]);
    assertThat(insurer.listProjectObligations(projectId).getProjectId()).isEqualTo(projectId);
    assertThat(operator.getDistrictSummary().getSubdistricts()).isNotEmpty();
    assertThat(insurer.getEventFeed(null, 5).getItems()).hasSizeLessThanOrEqualTo(5);
  }

  /** Two findings make two hazards; with a page size of 1 the SDK follows the cursor lazily. */
  @Test
  void hazardsArePagedLazily() {
    String projectId = policyViaSdk()[1];
    Inspection inspection = SdkFixtures.model(
        fx.withUploadedMedia(SdkFixtures.example("submitInspection", "valid-full"), "demo-insurer-a-es256-1"),
        Inspection.class);
    assertThat(inspection.getFindings()).hasSize(2);
    insurer.submitInspection(projectId, inspection);
    HazardListOptions onePerPage = new HazardListOptions(null, null, null, null, 1);
    List<Page<Hazard>> pages = eventually(() -> {
      List<Page<Hazard>> all = new ArrayList<>();
      insurer.listProjectHazards(projectId, onePerPage).byPage().forEach(all::add);
      assertThat(all.stream().mapToInt(p -> p.items().size()).sum()).isEqualTo(2);
      return all;
    });
    assertThat(pages.get(0).items()).hasSize(1);
    assertThat(pages.get(0).nextCursor()).isNotNull();
    List<String> ids = new ArrayList<>();
    insurer.listProjectHazards(projectId, onePerPage).forEach(h -> ids.add(h.getHazardId()));
    assertThat(ids).containsExactlyInAnyOrder("hz-0457-0001", "hz-0457-0002");
  }

  /** The projections are written after the receipt (outbox): reads may lag a little. */
  private static <T> T eventually(Supplier<T> read) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return read.get();
      } catch (AssertionError | NotFoundException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * Issue 5, SDK side against the real gateway: a file uploaded in small chunks with progress,
   * then cited by id and digest in an inspection, which the gateway accepts only because the item
   * is complete, the insurer's, and of that digest.
   */
  @Test
  void uploadsMediaInChunksAndCitesItInARecord() throws IOException {
    byte[] bytes = new byte[300 * 1024 + 7];
    new java.util.Random(5).nextBytes(bytes);
    Path file = Files.createTempFile("capillary-sdk-e2e", ".jpg");
    Files.write(file, bytes);
    List<Long> progress = new ArrayList<>();
    org.capillary.sdk.upload.UploadedMedia media = insurer.uploadMedia(file,
        org.capillary.sdk.upload.UploadOptions.builder(org.capillary.sdk.models.UploadCreation.KindEnum.PHOTO, "image/jpeg")
            .chunkSize(64 * 1024)
            .progressListener((sent, total) -> progress.add(sent))
            .build());
    assertThat(media.length()).isEqualTo(bytes.length);
    assertThat(media.sha256()).isEqualTo(sha256Hex(bytes));
    assertThat(progress).hasSizeGreaterThanOrEqualTo(5).last().isEqualTo((long) bytes.length);

    String projectId = policyViaSdk()[1];
    tools.jackson.databind.JsonNode body = SdkFixtures.example("submitInspection");
    citeEverywhere(body, media);
    SubmissionReceipt receipt = insurer.submitInspection(projectId, SdkFixtures.model(body, Inspection.class));
    assertThat(receipt.submissionId()).startsWith("sub_");
  }

  private static void citeEverywhere(tools.jackson.databind.JsonNode node, org.capillary.sdk.upload.UploadedMedia media) {
    if (node instanceof tools.jackson.databind.node.ObjectNode o && o.size() == 2 && o.has("mediaId") && o.has("sha256")) {
      o.put("mediaId", media.mediaId());
      o.put("sha256", media.sha256());
      return;
    }
    for (tools.jackson.databind.JsonNode child : node) {
      citeEverywhere(child, media);
    }
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** getConnector reads the registry; an unknown connector raises NotFoundException with the problem. */
  @Test
  void getConnectorReadsTheRegistry() {
    assertThat(operator.getConnector(INSURER).getConnectorId()).isEqualTo(INSURER);
    assertThatThrownBy(() -> operator.getConnector("no-such-connector")).isInstanceOfSatisfying(NotFoundException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.errorCode()).isEqualTo("NOT_FOUND");
      assertThat(e.requestId()).isNotBlank();
      assertThat(e.isRetryable()).isFalse();
    });
  }

  @Test
  void anotherConnectorsSubmissionIsNotFound() {
    String projectId = policyViaSdk()[1];
    Inspection inspection = SdkFixtures.model(
        fx.withUploadedMedia(SdkFixtures.example("submitInspection"), "demo-insurer-a-es256-1"), Inspection.class);
    SubmissionReceipt receipt = insurer.submitInspection(projectId, inspection);
    assertThatThrownBy(() -> vendor.getSubmission(receipt.submissionId()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.errorCode()).isEqualTo("NOT_FOUND"));
  }

  // ---------------------------------------------------------------- typed errors

  @Test
  void schemaInvalidBodyIsAValidationExceptionWithPointers() {
    // A wrong USCC check character: the model accepts any string, the contract does not.
    ObjectNode body = (ObjectNode) SdkFixtures.example("registerPolicy", "invalid-contractor-uscc-check");
    body.put("policyId", SdkFixtures.id("pol"));
    ((ObjectNode) body.get("projects").get(0)).put("projectId", SdkFixtures.id("FT-S"));
    PolicyRegistration policy = SdkFixtures.model(body, PolicyRegistration.class);
    assertThatThrownBy(() -> insurer.registerPolicy(policy))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(422);
          assertThat(e.errorCode()).isEqualTo("VALIDATION_FAILED");
          assertThat(e.violations()).extracting(Violation::pointer, Violation::code)
              .containsExactly(org.assertj.core.groups.Tuple.tuple("/projects/0/contractor/uscc", "INVALID_USCC"));
          assertThat(e.requestId()).isNotBlank();
          assertThat(e.isRetryable()).isFalse();
        });
  }

  @Test
  void aRevokedKeyIsAnAuthenticationException() throws Exception {
    ECKey own = new ECKeyGenerator(Curve.P_256).keyID(SdkFixtures.id("kid")).algorithm(com.nimbusds.jose.JWSAlgorithm.ES256)
        .generate();
    ObjectNode registration = (ObjectNode) SdkFixtures.example("registerConnector");
    ArrayNode keys = (ArrayNode) registration.get("jwks").get("keys");
    keys.removeAll();
    keys.add(tools.jackson.databind.json.JsonMapper.builder().build().readTree(own.toPublicJWK().toJSONString()));
    ObjectNode ownKey = (ObjectNode) keys.get(0);
    String[] connector = connectorViaSdk(registration);
    String kid = connector[1];
    // connectorViaSdk gave the key a fresh kid: sign with that kid.
    CapillaryClient self = fx.builder(connector[0],
        CapillaryKeyCredential.fromJwk(new ECKey.Builder(own).keyID(kid).build().toJSONString())).buildClient();
    assertThat(ownKey.get("kid").asString()).isEqualTo(kid);

    // The key works: a read of an unknown submission is a NotFoundException, not an authentication error.
    assertThatThrownBy(() -> self.getSubmission("sub_01JNKQ9A7M3T5X8Y2B4D6F8H0J"))
        .isInstanceOf(NotFoundException.class);

    operator.revokeConnectorKey(connector[0], kid,
        SdkFixtures.model(SdkFixtures.example("revokeConnectorKey"), KeyRevocation.class));

    assertThatThrownBy(() -> self.getSubmission("sub_01JNKQ9A7M3T5X8Y2B4D6F8H0J"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(401);
          assertThat(e.errorCode()).isEqualTo("SIGNATURE_KEY_UNKNOWN");
          assertThat(e.requestId()).isNotBlank();
        });
  }
}
