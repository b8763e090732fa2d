package org.capillary.sdk;

import static org.capillary.sdk.implementation.ClientCore.query;
import static org.capillary.sdk.implementation.ClientCore.segment;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Objects;
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
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous client: the operations of {@link CapillaryClient}, returning
 * {@link CompletableFuture}s that complete with the same results or fail with the same
 * exceptions. Back-off waits do not block a thread. Immutable and thread-safe; create one with
 * {@link CapillaryClientBuilder#buildAsyncClient()} and share it.
 */
public final class CapillaryAsyncClient {

  private final ClientCore core;

  CapillaryAsyncClient(ClientCore core) {
    this.core = core;
  }

  /** @return the connector id this client files for */
  public String connectorId() {
    return core.connectorId();
  }

  /**
   * Registers a policy and the works projects it covers (CAP-INS-01); insurers only. Asynchronous: the future fails with the exceptions of {@link CapillaryClient#registerPolicy}.
   *
   * @param policy the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> registerPolicy(PolicyRegistration policy) {
    return registerPolicy(policy, WriteOptions.none());
  }

  /**
   * Registers a policy and the works projects it covers (CAP-INS-01); insurers only. Asynchronous, with explicit options.
   *
   * @param policy the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> registerPolicy(PolicyRegistration policy, WriteOptions options) {
    return core.writeAsync("registerPolicy", "POST", "/v1/policies", policy, ClientCore.JSON, options);
  }
  /**
   * Reports a change of works status: started, stopped, resumed, completed (CAP-INS-02). Asynchronous: the future fails with the exceptions of {@link CapillaryClient#reportWorksStatus}.
   *
   * @param projectId the works project (its district registration number)
   * @param statusChange the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> reportWorksStatus(String projectId, WorksStatusChange statusChange) {
    return reportWorksStatus(projectId, statusChange, WriteOptions.none());
  }

  /**
   * Reports a change of works status: started, stopped, resumed, completed (CAP-INS-02). Asynchronous, with explicit options.
   *
   * @param projectId the works project (its district registration number)
   * @param statusChange the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> reportWorksStatus(String projectId, WorksStatusChange statusChange, WriteOptions options) {
    return core.writeAsync("reportWorksStatus", "POST", "/v1/projects/" + segment(projectId) + "/status-changes", statusChange, ClientCore.JSON, options);
  }
  /**
   * Submits the risk assessment made before works start (CAP-INS-03). Asynchronous: the future fails with the exceptions of {@link CapillaryClient#submitRiskAssessment}.
   *
   * @param projectId the works project (its district registration number)
   * @param riskAssessment the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitRiskAssessment(String projectId, RiskAssessment riskAssessment) {
    return submitRiskAssessment(projectId, riskAssessment, WriteOptions.none());
  }

  /**
   * Submits the risk assessment made before works start (CAP-INS-03). Asynchronous, with explicit options.
   *
   * @param projectId the works project (its district registration number)
   * @param riskAssessment the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitRiskAssessment(String projectId, RiskAssessment riskAssessment, WriteOptions options) {
    return core.writeAsync("submitRiskAssessment", "POST", "/v1/projects/" + segment(projectId) + "/risk-assessments", riskAssessment, ClientCore.JSON, options);
  }
  /**
   * Submits an inspection with its checklist and findings (CAP-INS-04). Asynchronous: the future fails with the exceptions of {@link CapillaryClient#submitInspection}.
   *
   * @param projectId the works project (its district registration number)
   * @param inspection the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitInspection(String projectId, Inspection inspection) {
    return submitInspection(projectId, inspection, WriteOptions.none());
  }

  /**
   * Submits an inspection with its checklist and findings (CAP-INS-04). Asynchronous, with explicit options.
   *
   * @param projectId the works project (its district registration number)
   * @param inspection the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitInspection(String projectId, Inspection inspection, WriteOptions options) {
    return core.writeAsync("submitInspection", "POST", "/v1/projects/" + segment(projectId) + "/inspections", inspection, ClientCore.JSON, options);
  }
  /**
   * Submits the rectification of a hazard (CAP-INS-05). Asynchronous: the future fails with the exceptions of {@link CapillaryClient#submitRectification}.
   *
   * @param projectId the works project (its district registration number)
   * @param rectification the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitRectification(String projectId, Rectification rectification) {
    return submitRectification(projectId, rectification, WriteOptions.none());
  }

  /**
   * Submits the rectification of a hazard (CAP-INS-05). Asynchronous, with explicit options.
   *
   * @param projectId the works project (its district registration number)
   * @param rectification the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitRectification(String projectId, Rectification rectification, WriteOptions options) {
    return core.writeAsync("submitRectification", "POST", "/v1/projects/" + segment(projectId) + "/rectifications", rectification, ClientCore.JSON, options);
  }
  /**
   * Accepts or rejects a rectification (CAP-INS-06). Asynchronous: the future fails with the exceptions of {@link CapillaryClient#submitRectificationVerification}.
   *
   * @param projectId the works project (its district registration number)
   * @param verification the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitRectificationVerification(String projectId, RectificationVerification verification) {
    return submitRectificationVerification(projectId, verification, WriteOptions.none());
  }

  /**
   * Accepts or rejects a rectification (CAP-INS-06). Asynchronous, with explicit options.
   *
   * @param projectId the works project (its district registration number)
   * @param verification the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitRectificationVerification(String projectId, RectificationVerification verification, WriteOptions options) {
    return core.writeAsync("submitRectificationVerification", "POST", "/v1/projects/" + segment(projectId) + "/rectification-verifications", verification, ClientCore.JSON, options);
  }

  /**
   * Reviews an AI alert or electricity alarm of the project (CAP-INS-11, rule R-34). Asynchronous: the future fails with the exceptions of {@link CapillaryClient#reviewAlert}.
   *
   * @param projectId the works project (its district registration number)
   * @param review the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> reviewAlert(String projectId, AlertReview review) {
    return reviewAlert(projectId, review, WriteOptions.none());
  }

  /**
   * Reviews an AI alert or electricity alarm of the project (CAP-INS-11, rule R-34). Asynchronous, with explicit options.
   *
   * @param projectId the works project (its district registration number)
   * @param review the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> reviewAlert(String projectId, AlertReview review, WriteOptions options) {
    return core.writeAsync("reviewAlert", "POST", "/v1/projects/" + segment(projectId) + "/alert-reviews", review, ClientCore.JSON, options);
  }
  /**
   * Submits a training session and its attendance (CAP-INS-07). Asynchronous: the future fails with the exceptions of {@link CapillaryClient#submitTraining}.
   *
   * @param projectId the works project (its district registration number)
   * @param training the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitTraining(String projectId, TrainingSession training) {
    return submitTraining(projectId, training, WriteOptions.none());
  }

  /**
   * Submits a training session and its attendance (CAP-INS-07). Asynchronous, with explicit options.
   *
   * @param projectId the works project (its district registration number)
   * @param training the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitTraining(String projectId, TrainingSession training, WriteOptions options) {
    return core.writeAsync("submitTraining", "POST", "/v1/projects/" + segment(projectId) + "/trainings", training, ClientCore.JSON, options);
  }
  /**
   * Submits an emergency plan (CAP-INS-08). Asynchronous: the future fails with the exceptions of {@link CapillaryClient#submitEmergencyPlan}.
   *
   * @param projectId the works project (its district registration number)
   * @param plan the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitEmergencyPlan(String projectId, EmergencyPlan plan) {
    return submitEmergencyPlan(projectId, plan, WriteOptions.none());
  }

  /**
   * Submits an emergency plan (CAP-INS-08). Asynchronous, with explicit options.
   *
   * @param projectId the works project (its district registration number)
   * @param plan the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitEmergencyPlan(String projectId, EmergencyPlan plan, WriteOptions options) {
    return core.writeAsync("submitEmergencyPlan", "POST", "/v1/projects/" + segment(projectId) + "/emergency-plans", plan, ClientCore.JSON, options);
  }
  /**
   * Submits an emergency drill. Asynchronous: the future fails with the exceptions of {@link CapillaryClient#submitDrill}.
   *
   * @param projectId the works project (its district registration number)
   * @param drill the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitDrill(String projectId, Drill drill) {
    return submitDrill(projectId, drill, WriteOptions.none());
  }

  /**
   * Submits an emergency drill. Asynchronous, with explicit options.
   *
   * @param projectId the works project (its district registration number)
   * @param drill the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> submitDrill(String projectId, Drill drill, WriteOptions options) {
    return core.writeAsync("submitDrill", "POST", "/v1/projects/" + segment(projectId) + "/drills", drill, ClientCore.JSON, options);
  }
  /**
   * Records an entry of the policy's accident-prevention fee ledger. Asynchronous: the future fails with the exceptions of {@link CapillaryClient#recordPreventionFee}.
   *
   * @param policyId the policy id chosen at registration
   * @param entry the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> recordPreventionFee(String policyId, PreventionFeeEntry entry) {
    return recordPreventionFee(policyId, entry, WriteOptions.none());
  }

  /**
   * Records an entry of the policy's accident-prevention fee ledger. Asynchronous, with explicit options.
   *
   * @param policyId the policy id chosen at registration
   * @param entry the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> recordPreventionFee(String policyId, PreventionFeeEntry entry, WriteOptions options) {
    return core.writeAsync("recordPreventionFee", "POST", "/v1/policies/" + segment(policyId) + "/prevention-fee-entries", entry, ClientCore.JSON, options);
  }
  /**
   * Registers a device (AI camera, electricity monitor, ...); device vendors only. Asynchronous: the future fails with the exceptions of {@link CapillaryClient#registerDevice}.
   *
   * @param device the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> registerDevice(DeviceRegistration device) {
    return registerDevice(device, WriteOptions.none());
  }

  /**
   * Registers a device (AI camera, electricity monitor, ...); device vendors only. Asynchronous, with explicit options.
   *
   * @param device the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> registerDevice(DeviceRegistration device, WriteOptions options) {
    return core.writeAsync("registerDevice", "POST", "/v1/devices", device, ClientCore.JSON, options);
  }
  /**
   * Publishes one AI alert or electricity alarm as a CloudEvent in structured mode (CAP-DEV-02). Wrap the variant: {@code new AlertEvent(new AiAlertEvent()...)}. Asynchronous: the future fails with the exceptions of {@link CapillaryClient#publishAlert}.
   *
   * @param event the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> publishAlert(AlertEvent event) {
    return publishAlert(event, WriteOptions.none());
  }

  /**
   * Publishes one AI alert or electricity alarm as a CloudEvent in structured mode (CAP-DEV-02). Wrap the variant: {@code new AlertEvent(new AiAlertEvent()...)}. Asynchronous, with explicit options.
   *
   * @param event the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> publishAlert(AlertEvent event, WriteOptions options) {
    return core.writeAsync("publishAlert", "POST", "/v1/alerts", event, "application/cloudevents+json", options);
  }
  /**
   * Publishes 1 to 500 alerts in one request, accepted or refused as a whole (CAP-DEV-03). Asynchronous: the future fails with the exceptions of {@link CapillaryClient#publishAlertBatch}.
   *
   * @param events the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> publishAlertBatch(List<AlertEvent> events) {
    return publishAlertBatch(events, WriteOptions.none());
  }

  /**
   * Publishes 1 to 500 alerts in one request, accepted or refused as a whole (CAP-DEV-03). Asynchronous, with explicit options.
   *
   * @param events the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> publishAlertBatch(List<AlertEvent> events, WriteOptions options) {
    return core.writeAsync("publishAlertBatch", "POST", "/v1/alerts/batch", events, "application/cloudevents-batch+json", options);
  }
  /**
   * Registers a connector with its JWK Set; operators only. Asynchronous: the future fails with the exceptions of {@link CapillaryClient#registerConnector}.
   *
   * @param registration the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> registerConnector(ConnectorRegistration registration) {
    return registerConnector(registration, WriteOptions.none());
  }

  /**
   * Registers a connector with its JWK Set; operators only. Asynchronous, with explicit options.
   *
   * @param registration the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> registerConnector(ConnectorRegistration registration, WriteOptions options) {
    return core.writeAsync("registerConnector", "POST", "/v1/admin/connectors", registration, ClientCore.JSON, options);
  }
  /**
   * Updates a connector (JSON merge patch); operators only. Asynchronous: the future fails with the exceptions of {@link CapillaryClient#updateConnector}.
   *
   * @param connectorId the connector
   * @param update the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> updateConnector(String connectorId, ConnectorUpdate update) {
    return updateConnector(connectorId, update, WriteOptions.none());
  }

  /**
   * Updates a connector (JSON merge patch); operators only. Asynchronous, with explicit options.
   *
   * @param connectorId the connector
   * @param update the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> updateConnector(String connectorId, ConnectorUpdate update, WriteOptions options) {
    return core.writeAsync("updateConnector", "PATCH", "/v1/admin/connectors/" + segment(connectorId), update, "application/merge-patch+json", options);
  }
  /**
   * Adds a public signing key to a connector; operators only. Asynchronous: the future fails with the exceptions of {@link CapillaryClient#addConnectorKey}.
   *
   * @param connectorId the connector
   * @param key the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> addConnectorKey(String connectorId, ConnectorKey key) {
    return addConnectorKey(connectorId, key, WriteOptions.none());
  }

  /**
   * Adds a public signing key to a connector; operators only. Asynchronous, with explicit options.
   *
   * @param connectorId the connector
   * @param key the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> addConnectorKey(String connectorId, ConnectorKey key, WriteOptions options) {
    return core.writeAsync("addConnectorKey", "POST", "/v1/admin/connectors/" + segment(connectorId) + "/keys", key, ClientCore.JSON, options);
  }
  /**
   * Rotates a connector's signing key; operators only. Asynchronous: the future fails with the exceptions of {@link CapillaryClient#rotateConnectorKey}.
   *
   * @param connectorId the connector
   * @param rotation the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> rotateConnectorKey(String connectorId, KeyRotation rotation) {
    return rotateConnectorKey(connectorId, rotation, WriteOptions.none());
  }

  /**
   * Rotates a connector's signing key; operators only. Asynchronous, with explicit options.
   *
   * @param connectorId the connector
   * @param rotation the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> rotateConnectorKey(String connectorId, KeyRotation rotation, WriteOptions options) {
    return core.writeAsync("rotateConnectorKey", "POST", "/v1/admin/connectors/" + segment(connectorId) + "/key-rotations", rotation, ClientCore.JSON, options);
  }
  /**
   * Revokes a connector's signing key; operators only. Asynchronous: the future fails with the exceptions of {@link CapillaryClient#revokeConnectorKey}.
   *
   * @param connectorId the connector
   * @param kid the key id
   * @param revocation the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> revokeConnectorKey(String connectorId, String kid, KeyRevocation revocation) {
    return revokeConnectorKey(connectorId, kid, revocation, WriteOptions.none());
  }

  /**
   * Revokes a connector's signing key; operators only. Asynchronous, with explicit options.
   *
   * @param connectorId the connector
   * @param kid the key id
   * @param revocation the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> revokeConnectorKey(String connectorId, String kid, KeyRevocation revocation, WriteOptions options) {
    return core.writeAsync("revokeConnectorKey", "POST", "/v1/admin/connectors/" + segment(connectorId) + "/keys/" + segment(kid) + "/revocation", revocation, ClientCore.JSON, options);
  }
  /**
   * Creates a push subscription to platform events; operators only. Asynchronous: the future fails with the exceptions of {@link CapillaryClient#createSubscription}.
   *
   * @param subscription the request body
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> createSubscription(Subscription subscription) {
    return createSubscription(subscription, WriteOptions.none());
  }

  /**
   * Creates a push subscription to platform events; operators only. Asynchronous, with explicit options.
   *
   * @param subscription the request body
   * @param options the idempotency key and request id to use
   * @return the verified receipt, eventually
   */
  public CompletableFuture<SubmissionReceipt> createSubscription(Subscription subscription, WriteOptions options) {
    return core.writeAsync("createSubscription", "POST", "/v1/admin/subscriptions", subscription, ClientCore.JSON, options);
  }
  /**
   * Reads a submission's status and receipt (CAP-API-10). Asynchronous.
   *
   * @param submissionId a submission id from a receipt
   * @return the answer, eventually
   */
  public CompletableFuture<SubmissionStatus> getSubmission(String submissionId) {
    return core.readAsync("getSubmission", "/v1/submissions/" + segment(submissionId), SubmissionStatus.class);
  }
  /**
   * Reads a works project as registered, with its status, policy and counters (CAP-API-11). Asynchronous.
   *
   * @param projectId the works project (its district registration number)
   * @return the answer, eventually
   */
  public CompletableFuture<ProjectView> getProject(String projectId) {
    return core.readAsync("getProject", "/v1/projects/" + segment(projectId), ProjectView.class);
  }
  /**
   * Lists a project's obligations under the rule profile (CAP-API-12). Asynchronous.
   *
   * @param projectId the works project (its district registration number)
   * @return the answer, eventually
   */
  public CompletableFuture<ObligationList> listProjectObligations(String projectId) {
    return core.readAsync("listProjectObligations", "/v1/projects/" + segment(projectId) + "/obligations", ObligationList.class);
  }
  /**
   * Reads the district summary by sub-district (CAP-API-17); operators and sub-district offices. Asynchronous.
   *
   * @return the answer, eventually
   */
  public CompletableFuture<DistrictSummary> getDistrictSummary() {
    return core.readAsync("getDistrictSummary", "/v1/district/summary", DistrictSummary.class);
  }
  /**
   * Reads a connector; operators only. Asynchronous.
   *
   * @param connectorId the connector
   * @return the answer, eventually
   */
  public CompletableFuture<Connector> getConnector(String connectorId) {
    return core.readAsync("getConnector", "/v1/admin/connectors/" + segment(connectorId), Connector.class);
  }

  /**
   * Deletes a push subscription; operators only. Asynchronous.
   *
   * @param subscriptionId the subscription
   * @return completion
   */
  public CompletableFuture<Void> deleteSubscription(String subscriptionId) {
    return deleteSubscription(subscriptionId, WriteOptions.none());
  }

  /**
   * Deletes a push subscription; operators only. Asynchronous, with explicit options.
   *
   * @param subscriptionId the subscription
   * @param options the idempotency key and request id to use
   * @return completion
   */
  public CompletableFuture<Void> deleteSubscription(String subscriptionId, WriteOptions options) {
    return core.deleteAsync("deleteSubscription", "/v1/admin/subscriptions/" + segment(subscriptionId), options);
  }

  /**
   * One page of a project's hazard ledger. Asynchronous.
   *
   * @param projectId the works project
   * @param options filters
   * @param cursor the cursor of the previous page, or {@code null} for the first
   * @return the page
   */
  public CompletableFuture<Page<Hazard>> listProjectHazards(String projectId, HazardListOptions options,
      @Nullable String cursor) {
    return core.readAsync("listProjectHazards", "/v1/projects/" + segment(projectId) + "/hazards" + query("cursor", cursor,
        "limit", options.pageSize(), "status", options.status(), "grade", options.grade(), "overdue", options.overdue()),
        HazardPage.class).thenApply(CapillaryClient::hazards);
  }

  /**
   * One page of the hazard ledger across visible projects. Asynchronous.
   *
   * @param options filters
   * @param cursor the cursor of the previous page, or {@code null} for the first
   * @return the page
   */
  public CompletableFuture<Page<Hazard>> listHazards(HazardListOptions options, @Nullable String cursor) {
    return core.readAsync("listHazards", "/v1/hazards" + query("cursor", cursor, "limit", options.pageSize(),
        "subdistrictCode", options.subdistrictCode(), "status", options.status(), "grade", options.grade(),
        "overdue", options.overdue()), HazardPage.class).thenApply(CapillaryClient::hazards);
  }

  /**
   * One page of received alerts. Asynchronous.
   *
   * @param projectId only this project, or {@code null}
   * @param cursor the cursor of the previous page, or {@code null} for the first
   * @return the page
   */
  public CompletableFuture<Page<ReceivedAlert>> listAlerts(@Nullable String projectId, @Nullable String cursor) {
    return core.readAsync("listAlerts", "/v1/alerts" + query("projectId", projectId, "cursor", cursor), AlertPage.class)
        .thenApply(CapillaryClient::alerts);
  }

  /**
   * One page of the platform event feed. Asynchronous.
   *
   * @param cursor the cursor of the previous page, or {@code null}
   * @param limit items per page, or {@code null}
   * @return the page
   */
  public CompletableFuture<EventFeedPage> getEventFeed(@Nullable String cursor, @Nullable Integer limit) {
    return core.readAsync("getEventFeed", "/v1/events" + query("cursor", cursor, "limit", limit), EventFeedPage.class);
  }
}
