package org.capillary.sdk;

import static org.capillary.sdk.implementation.ClientCore.query;
import static org.capillary.sdk.implementation.ClientCore.segment;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.capillary.sdk.implementation.ClientCore;
import org.capillary.sdk.models.AlertEvent;
import org.capillary.sdk.models.AlertPage;
import org.capillary.sdk.models.Connector;
import org.capillary.sdk.models.ConnectorKey;
import org.capillary.sdk.models.ConnectorRegistration;
import org.capillary.sdk.models.ConnectorUpdate;
import org.capillary.sdk.models.DeviceRegistration;
import org.capillary.sdk.models.DistrictSummary;
import org.capillary.sdk.models.Drill;
import org.capillary.sdk.models.EmergencyPlan;
import org.capillary.sdk.models.EventFeedPage;
import org.capillary.sdk.models.Hazard;
import org.capillary.sdk.models.HazardListOptions;
import org.capillary.sdk.models.HazardPage;
import org.capillary.sdk.models.Inspection;
import org.capillary.sdk.models.KeyRevocation;
import org.capillary.sdk.models.KeyRotation;
import org.capillary.sdk.models.ObligationList;
import org.capillary.sdk.models.Page;
import org.capillary.sdk.models.PagedIterable;
import org.capillary.sdk.models.PolicyRegistration;
import org.capillary.sdk.models.PreventionFeeEntry;
import org.capillary.sdk.models.ProjectView;
import org.capillary.sdk.models.ReceivedAlert;
import org.capillary.sdk.models.Rectification;
import org.capillary.sdk.models.AlertReview;
import org.capillary.sdk.models.RectificationVerification;
import org.capillary.sdk.models.RiskAssessment;
import org.capillary.sdk.models.SubmissionReceipt;
import org.capillary.sdk.models.SubmissionStatus;
import org.capillary.sdk.models.Subscription;
import org.capillary.sdk.models.TrainingSession;
import org.capillary.sdk.models.WorksStatusChange;
import org.capillary.sdk.models.WriteOptions;
import org.capillary.sdk.upload.MediaUploader;
import org.capillary.sdk.upload.UploadOptions;
import org.capillary.sdk.upload.UploadedMedia;
import org.jspecify.annotations.Nullable;

/**
 * The synchronous client of a Capillary gateway, for insurer and device-vendor connectors.
 *
 * <p>Create one with {@link CapillaryClientBuilder} and share it: it is immutable and
 * thread-safe, and holds the HTTP connection pool and the cache of the gateway's receipt keys.
 * There is nothing to close.
 *
 * <pre>{@code
 * CapillaryClient client = new CapillaryClientBuilder()
 *     .endpoint("https://gateway.example")
 *     .connectorId("insurer-pingan-sz")
 *     .credential(CapillaryKeyCredential.fromPem(pem, "pingan-2026-01", SigningAlgorithm.ES256))
 *     .buildClient();
 * SubmissionReceipt receipt = client.submitInspection("FT-2026-000123", inspection);
 * store(receipt.receipt());   // the gateway's signed proof of filing
 * }</pre>
 *
 * <p>Every write is serialised once, signed per attempt (spec/SIGNING.md), sent with one
 * {@code Idempotency-Key} on every attempt, retried on transient failures (see
 * {@link org.capillary.sdk.http.RetryOptions}), and answered with a {@link SubmissionReceipt} whose
 * receipt has been verified against the gateway's JWK Set and the request. Errors are unchecked:
 * {@link org.capillary.sdk.exception.CapillaryServiceException} and its subclasses for error answers,
 * {@link org.capillary.sdk.exception.CapillaryClientException} when no usable answer arrived. List
 * operations return {@link PagedIterable}s that follow {@code nextCursor} lazily.
 */
public final class CapillaryClient {

  private final ClientCore core;
  private final MediaUploader uploader;

  CapillaryClient(ClientCore core) {
    this.core = core;
    this.uploader = new MediaUploader(core);
  }

  /** @return the uploader of media (photos, videos, documents) this client's uploads go through */
  public MediaUploader mediaUploader() {
    return uploader;
  }

  /**
   * Uploads a media file (createUpload, then appendUploadChunk per chunk), resumably: see
   * {@link MediaUploader}. Cite the result in records as {@code {"mediaId": …, "sha256": …}}.
   *
   * @param file the file; it must not change during the upload
   * @param options the kind and content type to declare, chunk size, progress listener and state store
   * @return the complete media item
   * @throws java.io.UncheckedIOException if the file cannot be read
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived after
   *     retries; with a state store, calling again resumes the upload
   */
  public UploadedMedia uploadMedia(Path file, UploadOptions options) {
    return uploader.upload(file, options);
  }

  /**
   * Uploads media from a stream whose length and SHA-256 the caller knows: see {@link MediaUploader}.
   *
   * @param content opens the content from its first octet (again when the upload must go back)
   * @param length the length in octets
   * @param sha256 the SHA-256 of the whole content, 64 hex digits
   * @param options the kind and content type to declare, chunk size, progress listener and state store
   * @return the complete media item
   * @throws java.io.UncheckedIOException if the content cannot be read or ends early
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived after retries
   */
  public UploadedMedia uploadMedia(Supplier<? extends InputStream> content, long length, String sha256,
      UploadOptions options) {
    return uploader.upload(content, length, sha256, options);
  }

  /** @return the connector id this client files for */
  public String connectorId() {
    return core.connectorId();
  }

  /**
   * Registers a policy and the works projects it covers (CAP-INS-01); insurers only.
   *
   * @param policy the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt registerPolicy(PolicyRegistration policy) {
    return registerPolicy(policy, WriteOptions.none());
  }

  /**
   * Registers a policy and the works projects it covers (CAP-INS-01); insurers only.
   *
   * @param policy the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt registerPolicy(PolicyRegistration policy, WriteOptions options) {
    return core.write("registerPolicy", "POST", "/v1/policies", policy, ClientCore.JSON, options);
  }
  /**
   * Reports a change of works status: started, stopped, resumed, completed (CAP-INS-02).
   *
   * @param projectId the works project (its district registration number)
   * @param statusChange the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt reportWorksStatus(String projectId, WorksStatusChange statusChange) {
    return reportWorksStatus(projectId, statusChange, WriteOptions.none());
  }

  /**
   * Reports a change of works status: started, stopped, resumed, completed (CAP-INS-02).
   *
   * @param projectId the works project (its district registration number)
   * @param statusChange the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt reportWorksStatus(String projectId, WorksStatusChange statusChange, WriteOptions options) {
    return core.write("reportWorksStatus", "POST", "/v1/projects/" + segment(projectId) + "/status-changes", statusChange, ClientCore.JSON, options);
  }
  /**
   * Submits the risk assessment made before works start (CAP-INS-03).
   *
   * @param projectId the works project (its district registration number)
   * @param riskAssessment the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitRiskAssessment(String projectId, RiskAssessment riskAssessment) {
    return submitRiskAssessment(projectId, riskAssessment, WriteOptions.none());
  }

  /**
   * Submits the risk assessment made before works start (CAP-INS-03).
   *
   * @param projectId the works project (its district registration number)
   * @param riskAssessment the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitRiskAssessment(String projectId, RiskAssessment riskAssessment, WriteOptions options) {
    return core.write("submitRiskAssessment", "POST", "/v1/projects/" + segment(projectId) + "/risk-assessments", riskAssessment, ClientCore.JSON, options);
  }
  /**
   * Submits an inspection with its checklist and findings (CAP-INS-04).
   *
   * @param projectId the works project (its district registration number)
   * @param inspection the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitInspection(String projectId, Inspection inspection) {
    return submitInspection(projectId, inspection, WriteOptions.none());
  }

  /**
   * Submits an inspection with its checklist and findings (CAP-INS-04).
   *
   * @param projectId the works project (its district registration number)
   * @param inspection the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitInspection(String projectId, Inspection inspection, WriteOptions options) {
    return core.write("submitInspection", "POST", "/v1/projects/" + segment(projectId) + "/inspections", inspection, ClientCore.JSON, options);
  }
  /**
   * Submits the rectification of a hazard (CAP-INS-05).
   *
   * @param projectId the works project (its district registration number)
   * @param rectification the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitRectification(String projectId, Rectification rectification) {
    return submitRectification(projectId, rectification, WriteOptions.none());
  }

  /**
   * Submits the rectification of a hazard (CAP-INS-05).
   *
   * @param projectId the works project (its district registration number)
   * @param rectification the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitRectification(String projectId, Rectification rectification, WriteOptions options) {
    return core.write("submitRectification", "POST", "/v1/projects/" + segment(projectId) + "/rectifications", rectification, ClientCore.JSON, options);
  }
  /**
   * Accepts or rejects a rectification (CAP-INS-06).
   *
   * @param projectId the works project (its district registration number)
   * @param verification the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitRectificationVerification(String projectId, RectificationVerification verification) {
    return submitRectificationVerification(projectId, verification, WriteOptions.none());
  }

  /**
   * Accepts or rejects a rectification (CAP-INS-06).
   *
   * @param projectId the works project (its district registration number)
   * @param verification the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitRectificationVerification(String projectId, RectificationVerification verification, WriteOptions options) {
    return core.write("submitRectificationVerification", "POST", "/v1/projects/" + segment(projectId) + "/rectification-verifications", verification, ClientCore.JSON, options);
  }

  /**
   * Reviews an AI alert or electricity alarm of the project (CAP-INS-11, rule R-34): CONFIRMED
   * opens a hazard with a rectification suggestion the platform generates from the alert's type;
   * FALSE_POSITIVE closes the alert.
   *
   * @param projectId the works project (its district registration number)
   * @param review the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt reviewAlert(String projectId, AlertReview review) {
    return reviewAlert(projectId, review, WriteOptions.none());
  }

  /**
   * Reviews an AI alert or electricity alarm of the project (CAP-INS-11, rule R-34).
   *
   * @param projectId the works project (its district registration number)
   * @param review the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt reviewAlert(String projectId, AlertReview review, WriteOptions options) {
    return core.write("reviewAlert", "POST", "/v1/projects/" + segment(projectId) + "/alert-reviews", review, ClientCore.JSON, options);
  }
  /**
   * Submits a training session and its attendance (CAP-INS-07).
   *
   * @param projectId the works project (its district registration number)
   * @param training the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitTraining(String projectId, TrainingSession training) {
    return submitTraining(projectId, training, WriteOptions.none());
  }

  /**
   * Submits a training session and its attendance (CAP-INS-07).
   *
   * @param projectId the works project (its district registration number)
   * @param training the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitTraining(String projectId, TrainingSession training, WriteOptions options) {
    return core.write("submitTraining", "POST", "/v1/projects/" + segment(projectId) + "/trainings", training, ClientCore.JSON, options);
  }
  /**
   * Submits an emergency plan (CAP-INS-08).
   *
   * @param projectId the works project (its district registration number)
   * @param plan the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitEmergencyPlan(String projectId, EmergencyPlan plan) {
    return submitEmergencyPlan(projectId, plan, WriteOptions.none());
  }

  /**
   * Submits an emergency plan (CAP-INS-08).
   *
   * @param projectId the works project (its district registration number)
   * @param plan the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitEmergencyPlan(String projectId, EmergencyPlan plan, WriteOptions options) {
    return core.write("submitEmergencyPlan", "POST", "/v1/projects/" + segment(projectId) + "/emergency-plans", plan, ClientCore.JSON, options);
  }
  /**
   * Submits an emergency drill.
   *
   * @param projectId the works project (its district registration number)
   * @param drill the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitDrill(String projectId, Drill drill) {
    return submitDrill(projectId, drill, WriteOptions.none());
  }

  /**
   * Submits an emergency drill.
   *
   * @param projectId the works project (its district registration number)
   * @param drill the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt submitDrill(String projectId, Drill drill, WriteOptions options) {
    return core.write("submitDrill", "POST", "/v1/projects/" + segment(projectId) + "/drills", drill, ClientCore.JSON, options);
  }
  /**
   * Records an entry of the policy's accident-prevention fee ledger.
   *
   * @param policyId the policy id chosen at registration
   * @param entry the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt recordPreventionFee(String policyId, PreventionFeeEntry entry) {
    return recordPreventionFee(policyId, entry, WriteOptions.none());
  }

  /**
   * Records an entry of the policy's accident-prevention fee ledger.
   *
   * @param policyId the policy id chosen at registration
   * @param entry the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt recordPreventionFee(String policyId, PreventionFeeEntry entry, WriteOptions options) {
    return core.write("recordPreventionFee", "POST", "/v1/policies/" + segment(policyId) + "/prevention-fee-entries", entry, ClientCore.JSON, options);
  }
  /**
   * Registers a device (AI camera, electricity monitor, ...); device vendors only.
   *
   * @param device the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt registerDevice(DeviceRegistration device) {
    return registerDevice(device, WriteOptions.none());
  }

  /**
   * Registers a device (AI camera, electricity monitor, ...); device vendors only.
   *
   * @param device the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt registerDevice(DeviceRegistration device, WriteOptions options) {
    return core.write("registerDevice", "POST", "/v1/devices", device, ClientCore.JSON, options);
  }
  /**
   * Publishes one AI alert or electricity alarm as a CloudEvent in structured mode (CAP-DEV-02). Wrap the variant: {@code new AlertEvent(new AiAlertEvent()...)}.
   *
   * @param event the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt publishAlert(AlertEvent event) {
    return publishAlert(event, WriteOptions.none());
  }

  /**
   * Publishes one AI alert or electricity alarm as a CloudEvent in structured mode (CAP-DEV-02). Wrap the variant: {@code new AlertEvent(new AiAlertEvent()...)}.
   *
   * @param event the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt publishAlert(AlertEvent event, WriteOptions options) {
    return core.write("publishAlert", "POST", "/v1/alerts", event, "application/cloudevents+json", options);
  }
  /**
   * Publishes 1 to 500 alerts in one request, accepted or refused as a whole (CAP-DEV-03).
   *
   * @param events the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt publishAlertBatch(List<AlertEvent> events) {
    return publishAlertBatch(events, WriteOptions.none());
  }

  /**
   * Publishes 1 to 500 alerts in one request, accepted or refused as a whole (CAP-DEV-03).
   *
   * @param events the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt publishAlertBatch(List<AlertEvent> events, WriteOptions options) {
    return core.write("publishAlertBatch", "POST", "/v1/alerts/batch", events, "application/cloudevents-batch+json", options);
  }
  /**
   * Registers a connector with its JWK Set; operators only.
   *
   * @param registration the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt registerConnector(ConnectorRegistration registration) {
    return registerConnector(registration, WriteOptions.none());
  }

  /**
   * Registers a connector with its JWK Set; operators only.
   *
   * @param registration the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt registerConnector(ConnectorRegistration registration, WriteOptions options) {
    return core.write("registerConnector", "POST", "/v1/admin/connectors", registration, ClientCore.JSON, options);
  }
  /**
   * Updates a connector (JSON merge patch); operators only.
   *
   * @param connectorId the connector
   * @param update the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt updateConnector(String connectorId, ConnectorUpdate update) {
    return updateConnector(connectorId, update, WriteOptions.none());
  }

  /**
   * Updates a connector (JSON merge patch); operators only.
   *
   * @param connectorId the connector
   * @param update the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt updateConnector(String connectorId, ConnectorUpdate update, WriteOptions options) {
    return core.write("updateConnector", "PATCH", "/v1/admin/connectors/" + segment(connectorId), update, "application/merge-patch+json", options);
  }
  /**
   * Adds a public signing key to a connector; operators only.
   *
   * @param connectorId the connector
   * @param key the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt addConnectorKey(String connectorId, ConnectorKey key) {
    return addConnectorKey(connectorId, key, WriteOptions.none());
  }

  /**
   * Adds a public signing key to a connector; operators only.
   *
   * @param connectorId the connector
   * @param key the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt addConnectorKey(String connectorId, ConnectorKey key, WriteOptions options) {
    return core.write("addConnectorKey", "POST", "/v1/admin/connectors/" + segment(connectorId) + "/keys", key, ClientCore.JSON, options);
  }
  /**
   * Rotates a connector's signing key; operators only.
   *
   * @param connectorId the connector
   * @param rotation the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt rotateConnectorKey(String connectorId, KeyRotation rotation) {
    return rotateConnectorKey(connectorId, rotation, WriteOptions.none());
  }

  /**
   * Rotates a connector's signing key; operators only.
   *
   * @param connectorId the connector
   * @param rotation the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt rotateConnectorKey(String connectorId, KeyRotation rotation, WriteOptions options) {
    return core.write("rotateConnectorKey", "POST", "/v1/admin/connectors/" + segment(connectorId) + "/key-rotations", rotation, ClientCore.JSON, options);
  }
  /**
   * Revokes a connector's signing key; operators only.
   *
   * @param connectorId the connector
   * @param kid the key id
   * @param revocation the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt revokeConnectorKey(String connectorId, String kid, KeyRevocation revocation) {
    return revokeConnectorKey(connectorId, kid, revocation, WriteOptions.none());
  }

  /**
   * Revokes a connector's signing key; operators only.
   *
   * @param connectorId the connector
   * @param kid the key id
   * @param revocation the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt revokeConnectorKey(String connectorId, String kid, KeyRevocation revocation, WriteOptions options) {
    return core.write("revokeConnectorKey", "POST", "/v1/admin/connectors/" + segment(connectorId) + "/keys/" + segment(kid) + "/revocation", revocation, ClientCore.JSON, options);
  }
  /**
   * Creates a push subscription to platform events; operators only.
   *
   * @param subscription the request body
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.ValidationException if the gateway refuses the body (VALIDATION_FAILED)
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt createSubscription(Subscription subscription) {
    return createSubscription(subscription, WriteOptions.none());
  }

  /**
   * Creates a push subscription to platform events; operators only.
   *
   * @param subscription the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.ReceiptVerificationException if the receipt does not verify
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived (outcome unknown)
   */
  public SubmissionReceipt createSubscription(Subscription subscription, WriteOptions options) {
    return core.write("createSubscription", "POST", "/v1/admin/subscriptions", subscription, ClientCore.JSON, options);
  }
  /**
   * Reads a submission's status and receipt (CAP-API-10).
   *
   * @param submissionId a submission id from a receipt
   * @return the answer
   * @throws org.capillary.sdk.exception.NotFoundException if there is no such resource for this connector
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived
   */
  public SubmissionStatus getSubmission(String submissionId) {
    return core.read("getSubmission", "/v1/submissions/" + segment(submissionId), SubmissionStatus.class);
  }
  /**
   * Reads a works project as registered, with its status, policy and counters (CAP-API-11).
   *
   * @param projectId the works project (its district registration number)
   * @return the answer
   * @throws org.capillary.sdk.exception.NotFoundException if there is no such resource for this connector
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived
   */
  public ProjectView getProject(String projectId) {
    return core.read("getProject", "/v1/projects/" + segment(projectId), ProjectView.class);
  }
  /**
   * Lists a project's obligations under the rule profile (CAP-API-12).
   *
   * @param projectId the works project (its district registration number)
   * @return the answer
   * @throws org.capillary.sdk.exception.NotFoundException if there is no such resource for this connector
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived
   */
  public ObligationList listProjectObligations(String projectId) {
    return core.read("listProjectObligations", "/v1/projects/" + segment(projectId) + "/obligations", ObligationList.class);
  }
  /**
   * Reads the district summary by sub-district (CAP-API-17); operators and sub-district offices.
   *
   * @return the answer
   * @throws org.capillary.sdk.exception.NotFoundException if there is no such resource for this connector
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived
   */
  public DistrictSummary getDistrictSummary() {
    return core.read("getDistrictSummary", "/v1/district/summary", DistrictSummary.class);
  }
  /**
   * Reads a connector; operators only.
   *
   * @param connectorId the connector
   * @return the answer
   * @throws org.capillary.sdk.exception.NotFoundException if there is no such resource for this connector
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived
   */
  public Connector getConnector(String connectorId) {
    return core.read("getConnector", "/v1/admin/connectors/" + segment(connectorId), Connector.class);
  }

  /**
   * Deletes a push subscription; operators only.
   *
   * @param subscriptionId the subscription
   * @throws org.capillary.sdk.exception.NotFoundException if there is no such subscription
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived
   */
  public void deleteSubscription(String subscriptionId) {
    deleteSubscription(subscriptionId, WriteOptions.none());
  }

  /**
   * Deletes a push subscription; operators only. A retry with the same idempotency key is answered
   * as the first deletion was.
   *
   * @param subscriptionId the subscription
   * @param options the idempotency key and request id to use
   * @throws org.capillary.sdk.exception.NotFoundException if there is no such subscription
   * @throws org.capillary.sdk.exception.CapillaryServiceException for any other error answer, after retries
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived
   */
  public void deleteSubscription(String subscriptionId, WriteOptions options) {
    core.delete("deleteSubscription", "/v1/admin/subscriptions/" + segment(subscriptionId), options);
  }

  /**
   * The hazard ledger of one project, page by page as you iterate (CAP-API-13).
   *
   * @param projectId the works project
   * @param options filters
   * @return the hazards
   */
  public PagedIterable<Hazard> listProjectHazards(String projectId, HazardListOptions options) {
    String path = "/v1/projects/" + segment(projectId) + "/hazards";
    Objects.requireNonNull(options, "options");
    return new PagedIterable<>(cursor -> hazards(core.read("listProjectHazards", path + query("cursor", cursor,
        "limit", options.pageSize(), "status", options.status(), "grade", options.grade(), "overdue", options.overdue()),
        HazardPage.class)));
  }

  /**
   * The hazard ledger across the projects visible to this connector (CAP-API-14).
   *
   * @param options filters
   * @return the hazards
   */
  public PagedIterable<Hazard> listHazards(HazardListOptions options) {
    Objects.requireNonNull(options, "options");
    return new PagedIterable<>(cursor -> hazards(core.read("listHazards", "/v1/hazards" + query("cursor", cursor,
        "limit", options.pageSize(), "subdistrictCode", options.subdistrictCode(), "status", options.status(),
        "grade", options.grade(), "overdue", options.overdue()), HazardPage.class)));
  }

  /**
   * Received alerts, oldest first, page by page as you iterate (CAP-API-15).
   *
   * @param projectId only this project, or {@code null} for all visible
   * @return the alerts
   */
  public PagedIterable<ReceivedAlert> listAlerts(@Nullable String projectId) {
    return new PagedIterable<>(cursor -> alerts(core.read("listAlerts",
        "/v1/alerts" + query("projectId", projectId, "cursor", cursor), AlertPage.class)));
  }

  /**
   * One page of the platform event feed (CAP-EVT-01). Keep {@code page.nextCursor} between polls:
   * it is where the next poll starts.
   *
   * @param cursor the cursor of the previous page, or {@code null} to start at the beginning
   * @param limit items per page (1-500), or {@code null} for the gateway default
   * @return the page
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.CapillaryClientException if no usable answer arrived
   */
  public EventFeedPage getEventFeed(@Nullable String cursor, @Nullable Integer limit) {
    return core.read("getEventFeed", "/v1/events" + query("cursor", cursor, "limit", limit), EventFeedPage.class);
  }

  static Page<Hazard> hazards(HazardPage page) {
    return new Page<>(page.getItems() == null ? List.of() : page.getItems(),
        page.getPage() == null ? null : page.getPage().getNextCursor());
  }

  static Page<ReceivedAlert> alerts(AlertPage page) {
    return new Page<>(page.getItems() == null ? List.of() : page.getItems(),
        page.getPage() == null ? null : page.getPage().getNextCursor());
  }
}
