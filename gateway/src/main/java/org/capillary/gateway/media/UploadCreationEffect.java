package org.capillary.gateway.media;

import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.store.EffectContext;
import org.capillary.gateway.store.OperationEffect;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * createUpload's effect, in the ledger transaction of the declaration: checks the declared length
 * against the kind's limit (UPLOAD_TOO_LARGE, 413) and, when a project is named, that the connector
 * may report on it — an insurer whose policy covers it, or a device vendor with a device registered
 * on it (PROJECT_NOT_COVERED otherwise: readers of a project's media are chosen by this project, so
 * it cannot be claimed freely). Then it creates the upload row (UPLOADING, offset 0, expiring after
 * {@link MediaProperties#expiry()}) whose id is derived from the submission ({@link UploadIds}).
 */
public final class UploadCreationEffect implements OperationEffect {

  /** The operation this effect belongs to. */
  public static final String OPERATION_ID = "createUpload";

  private final UploadRepository uploads;
  private final MediaProperties properties;

  /**
   * @param uploads the upload table
   * @param properties the media limits
   */
  public UploadCreationEffect(UploadRepository uploads, MediaProperties properties) {
    this.uploads = uploads;
    this.properties = properties;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void apply(JdbcClient tx, EffectContext ctx) {
    JsonNode body = ctx.json();
    String kind = EffectContext.requiredString(body, "kind");
    long length = body.path("length").asLong(-1);
    long limit = properties.limitFor(kind);
    if (length > limit) {
      throw new ProblemException("UPLOAD_TOO_LARGE", "a " + kind + " may have at most " + limit + " bytes");
    }
    String projectId = text(body.get("projectId"));
    if (projectId != null && !mayReportOn(tx, ctx.connectorId(), projectId)) {
      throw new ProblemException("PROJECT_NOT_COVERED",
          "this connector neither covers project " + projectId + " nor has a device on it");
    }
    Upload upload = new Upload(
        UploadIds.ofSubmission(ctx.submissionId()),
        ctx.connectorId(),
        kind,
        EffectContext.requiredString(body, "contentType"),
        length,
        EffectContext.requiredString(body, "sha256"),
        text(body.get("fileName")),
        projectId,
        text(body.get("capturedAt")),
        Upload.UPLOADING,
        0,
        null,
        null,
        null,
        ctx.receivedAt(),
        ctx.receivedAt().plus(properties.expiry()),
        null);
    uploads.insert(tx, upload, ctx.seq());
  }

  private static boolean mayReportOn(JdbcClient tx, String connectorId, String projectId) {
    Integer covered = tx.sql("""
            SELECT COUNT(*) FROM project_coverage WHERE project_id = ? AND insurer_connector_id = ?""")
        .params(projectId, connectorId).query(Integer.class).single();
    if (covered != null && covered > 0) {
      return true;
    }
    Integer devices = tx.sql("SELECT COUNT(*) FROM device WHERE project_id = ? AND connector_id = ?")
        .params(projectId, connectorId).query(Integer.class).single();
    return devices != null && devices > 0;
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    return node != null && node.isString() ? node.stringValue() : null;
  }
}
