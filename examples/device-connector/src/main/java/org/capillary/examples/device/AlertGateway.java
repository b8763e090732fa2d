package org.capillary.examples.device;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.models.AlertEvent;
import org.capillary.sdk.models.SubmissionReceipt;
import org.capillary.sdk.models.WriteOptions;
import org.capillary.sdk.upload.FileUploadStateStore;
import org.capillary.sdk.upload.UploadOptions;
import org.capillary.sdk.upload.UploadedMedia;

/**
 * What {@link StoreAndForward} needs of the gateway: upload a file, publish alerts. {@link #of}
 * gives the SDK's implementation; tests substitute their own to fail on purpose.
 */
public interface AlertGateway {

  /**
   * Uploads a media file (resumably: an upload interrupted by an outage continues where it stopped).
   *
   * @param file the file
   * @param media what to declare
   * @param projectId the works project the alert is about
   * @return the complete media item
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.CapillaryClientException if the gateway cannot be reached
   */
  UploadedMedia upload(Path file, AlertMedia media, String projectId);

  /**
   * Publishes alerts: one with publishAlert, or a batch with publishAlertBatch.
   *
   * @param events the alerts
   * @param batch whether to send them as a batch
   * @param idempotencyKey the delivery's key, the same on every attempt
   * @return the verified receipt
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer, after retries
   * @throws org.capillary.sdk.exception.CapillaryClientException if the gateway cannot be reached
   */
  SubmissionReceipt publish(List<AlertEvent> events, boolean batch, String idempotencyKey);

  /**
   * The gateway through the SDK.
   *
   * @param client the device vendor's client
   * @param journal the journal, whose upload-state folder makes uploads resumable across restarts
   * @return the gateway
   */
  static AlertGateway of(CapillaryClient client, AlertJournal journal) {
    Objects.requireNonNull(client, "client");
    FileUploadStateStore uploads = new FileUploadStateStore(journal.uploadStateDirectory());
    return new AlertGateway() {
      @Override
      public UploadedMedia upload(Path file, AlertMedia media, String projectId) {
        return client.uploadMedia(file, UploadOptions.builder(media.kind(), media.contentType())
            .projectId(projectId).stateStore(uploads).build());
      }

      @Override
      public SubmissionReceipt publish(List<AlertEvent> events, boolean batch, String idempotencyKey) {
        WriteOptions options = WriteOptions.idempotencyKey(idempotencyKey);
        return batch ? client.publishAlertBatch(events, options) : client.publishAlert(events.get(0), options);
      }
    };
  }
}
