package org.capillary.sdk.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.capillary.sdk.implementation.Json;
import org.capillary.sdk.testing.Vectors;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.validation.ContractValidator;
import org.capillary.spec.validation.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the generated models and the gateway's validator agree: every valid example of the
 * contract reads into the generated request model and writes back to a body the validator still
 * accepts, and each variant of each oneOf round-trips (serialise → validate → deserialise).
 */
class ContractRoundTripTest {

  /** operationId → request model of every operation with a JSON body. */
  static final Map<String, TypeReference<?>> MODELS = Map.ofEntries(
      Map.entry("registerPolicy", new TypeReference<PolicyRegistration>() { }),
      Map.entry("reportWorksStatus", new TypeReference<WorksStatusChange>() { }),
      Map.entry("submitRiskAssessment", new TypeReference<RiskAssessment>() { }),
      Map.entry("submitInspection", new TypeReference<Inspection>() { }),
      Map.entry("submitRectification", new TypeReference<Rectification>() { }),
      Map.entry("submitRectificationVerification", new TypeReference<RectificationVerification>() { }),
      Map.entry("reviewAlert", new TypeReference<AlertReview>() { }),
      Map.entry("submitTraining", new TypeReference<TrainingSession>() { }),
      Map.entry("submitEmergencyPlan", new TypeReference<EmergencyPlan>() { }),
      Map.entry("submitDrill", new TypeReference<Drill>() { }),
      Map.entry("recordPreventionFee", new TypeReference<PreventionFeeEntry>() { }),
      Map.entry("registerDevice", new TypeReference<DeviceRegistration>() { }),
      Map.entry("publishAlert", new TypeReference<AlertEvent>() { }),
      Map.entry("publishAlertBatch", new TypeReference<List<AlertEvent>>() { }),
      Map.entry("createUpload", new TypeReference<UploadCreation>() { }),
      Map.entry("registerConnector", new TypeReference<ConnectorRegistration>() { }),
      Map.entry("updateConnector", new TypeReference<ConnectorUpdate>() { }),
      Map.entry("addConnectorKey", new TypeReference<ConnectorKey>() { }),
      Map.entry("rotateConnectorKey", new TypeReference<KeyRotation>() { }),
      Map.entry("revokeConnectorKey", new TypeReference<KeyRevocation>() { }),
      Map.entry("createSubscription", new TypeReference<Subscription>() { }));

  private static ContractValidator validator;
  private static final tools.jackson.databind.json.JsonMapper JACKSON3 = new tools.jackson.databind.json.JsonMapper();

  @BeforeAll
  static void load() {
    validator = ContractValidator.create(Contract.load());
  }

  private static List<Violation> validate(String operationId, byte[] body) {
    return validator.validate(operationId, JACKSON3.readTree(body));
  }

  static Stream<Arguments> validExamples() throws IOException {
    try (Stream<Path> dirs = Files.list(Vectors.specDirectory().resolve("examples"))) {
      return dirs.sorted().flatMap(dir -> Vectors.examples(dir.getFileName().toString()).stream()
          .filter(f -> f.getFileName().toString().startsWith("valid"))
          .map(f -> Arguments.of(dir.getFileName().toString(), f.getFileName().toString()))).toList().stream();
    }
  }

  @Test
  void everyOperationWithExamplesHasAModel() throws IOException {
    try (Stream<Path> dirs = Files.list(Vectors.specDirectory().resolve("examples"))) {
      assertThat(dirs.map(d -> d.getFileName().toString()).toList()).allMatch(MODELS::containsKey);
    }
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("validExamples")
  void validExampleReadsIntoTheModelAndWritesBackValid(String operationId, String file) throws IOException {
    JsonNode example = Json.MAPPER.readTree(Vectors.specDirectory().resolve("examples").resolve(operationId).resolve(file).toFile());
    byte[] original = Json.MAPPER.writeValueAsBytes(example.get("body"));
    assertThat(validate(operationId, original)).as("the example itself").isEmpty();

    JavaType type = Json.MAPPER.getTypeFactory().constructType(MODELS.get(operationId));
    Object model = Json.MAPPER.readValue(original, type);
    byte[] written = Json.write(model);

    assertThat(validate(operationId, written)).as("re-serialised: %s", new String(written, java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    Object again = Json.MAPPER.readValue(written, type);
    assertThat(Json.write(again)).isEqualTo(written);
    if (!LOSSY.contains(operationId + "/" + file)) {
      assertThat(Json.MAPPER.readTree(written)).as("nothing lost or changed").isEqualTo(Json.MAPPER.readTree(original));
    }
  }

  /**
   * Examples whose re-serialisation is still valid but not identical, and why. Each is a known
   * limit of the generated models, listed so that a new one fails the build.
   */
  static final java.util.Set<String> LOSSY = java.util.Set.of(
      // CloudEvents extension attributes (patternProperties, e.g. traceparent) have no field: dropped.
      "publishAlert/valid-hikvision-no-helmet.json",
      "publishAlertBatch/valid-mixed.json",
      // An explicit null in a merge patch ("remove this member") is indistinguishable from unset.
      "updateConnector/valid-reactivate.json",
      // Schema defaults (ratePlan "standard", overlapSeconds 86400) are sent explicitly: same meaning.
      "registerConnector/valid-minimal-device-vendor.json",
      "rotateConnectorKey/valid-minimal.json");

  @Test
  void aiAlertVariantRoundTrips() {
    AlertEvent event = new AlertEvent(new AiAlertEvent()
        .specversion(AiAlertEvent.SpecversionEnum._1_0)
        .id("evt-1").source("urn:capillary:device:CAM-1")
        .type(AiAlertEvent.TypeEnum.ORG_CAPILLARY_ALERT_AI_V1)
        .subject("FT-2026-000123").time(OffsetDateTime.parse("2026-03-02T09:05:00+08:00"))
        .data(new AiAlertData().deviceId("CAM-1").eventType("NO_HELMET").state(AiAlertData.StateEnum.PULSE)
            .outcome(AiAlertData.OutcomeEnum.VIOLATION).confidence(new BigDecimal("0.93")).sourceEventKey("hik-1")));

    byte[] body = Json.write(event);
    assertThat(validate("publishAlert", body)).isEmpty();
    AlertEvent back = Json.read(body, AlertEvent.class);
    assertThat(back.getActualInstance()).isInstanceOf(AiAlertEvent.class);
    assertThat(Json.write(back)).isEqualTo(body);
  }

  @Test
  void electricityAlarmVariantRoundTrips() {
    AlertEvent event = new AlertEvent(new ElectricityAlarmEvent()
        .specversion(ElectricityAlarmEvent.SpecversionEnum._1_0)
        .id("evt-2").source("urn:capillary:device:EM-1")
        .type(ElectricityAlarmEvent.TypeEnum.ORG_CAPILLARY_ALERT_ELECTRICITY_V1)
        .subject("FT-2026-000123").time(OffsetDateTime.parse("2026-03-02T09:05:00+08:00"))
        .dataschema(URI.create("https://capillary.dev/spec/v1/schemas/ElectricityAlarmData.json"))
        .data(new ElectricityAlarmData().deviceId("EM-1").circuitId("C1").kind("RESIDUAL_CURRENT")
            .category(ElectricityAlarmData.CategoryEnum.ALARM).measuredValue(new BigDecimal("350"))
            .unit(ElectricityAlarmData.UnitEnum.M_A).startedAt(OffsetDateTime.parse("2026-03-02T09:04:58+08:00"))
            .latched(false).sourceEventKey("em-1")));

    byte[] body = Json.write(event);
    assertThat(validate("publishAlert", body)).isEmpty();
    assertThat(validate("publishAlertBatch", ("[" + new String(body, java.nio.charset.StandardCharsets.UTF_8) + "]")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
    AlertEvent back = Json.read(body, AlertEvent.class);
    assertThat(back.getActualInstance()).isInstanceOf(ElectricityAlarmEvent.class);
    assertThat(Json.write(back)).isEqualTo(body);
  }

  @Test
  void unknownValuesOfClosedEnumsReadAsUnknownInsteadOfFailing() {
    String json = "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"urn:x\",\"type\":\"org.capillary.alert.ai.v1\","
        + "\"subject\":\"FT-2026-000123\",\"time\":\"2026-03-02T09:05:00+08:00\",\"data\":{\"deviceId\":\"D\","
        + "\"eventType\":\"VENDOR_NEW_THING\",\"state\":\"SOMETHING_NEW\",\"outcome\":\"VIOLATION\",\"sourceEventKey\":\"k\"}}";
    AiAlertEvent event = (AiAlertEvent) Json.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), AlertEvent.class)
        .getActualInstance();
    assertThat(event.getData().getState()).isEqualTo(AiAlertData.StateEnum.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(event.getData().getEventType()).isEqualTo("VENDOR_NEW_THING");
  }
}
