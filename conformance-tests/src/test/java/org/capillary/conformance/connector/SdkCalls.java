package org.capillary.conformance.connector;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.models.AlertEvent;
import org.capillary.sdk.models.Inspection;
import org.capillary.sdk.models.RiskAssessment;
import org.capillary.sdk.models.SubmissionReceipt;
import org.capillary.sdk.models.UploadCreation;
import org.capillary.sdk.models.WriteOptions;
import org.capillary.sdk.upload.UploadOptions;
import org.capillary.sdk.upload.UploadedMedia;
import tools.jackson.databind.JsonNode;

/** Turns instructions into calls of the SDK's typed client, as a connector written on the SDK would make them. */
final class SdkCalls {

  /** The instructions' JSON read into the SDK's generated models (Jackson 2, as the SDK itself reads). */
  private static final ObjectMapper MODELS = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .build();

  private SdkCalls() {}

  static UploadedMedia upload(CapillaryClient client, Instructions.Media m, int chunkSize) {
    return client.uploadMedia(m.file(), UploadOptions.builder(UploadCreation.KindEnum.fromValue(m.kind()), m.contentType())
        .chunkSize(chunkSize).build());
  }

  static SubmissionReceipt submit(CapillaryClient client, Instructions.Record record, Map<String, String> mediaIds,
      WriteOptions options) {
    JsonNode body = record.bodyWith(mediaIds);
    String project = record.pathParameters().get("projectId");
    return switch (record.operationId()) {
      case "submitRiskAssessment" -> client.submitRiskAssessment(project, read(body, new TypeReference<RiskAssessment>() { }), options);
      case "submitInspection" -> client.submitInspection(project, read(body, new TypeReference<Inspection>() { }), options);
      case "publishAlert" -> client.publishAlert(read(body, new TypeReference<AlertEvent>() { }), options);
      case "publishAlertBatch" -> client.publishAlertBatch(read(body, new TypeReference<List<AlertEvent>>() { }), options);
      default -> throw new IllegalArgumentException("this test connector does not do " + record.operationId());
    };
  }

  static Map<String, String> newMediaIds() {
    return new HashMap<>();
  }

  private static <T> T read(JsonNode body, TypeReference<T> type) {
    try {
      return MODELS.readValue(body.toString(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
