package org.capillary.gateway.store;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.capillary.gateway.error.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * registerDevice's write-through: records which connector registered {@code body.deviceId}, on
 * which project and of which kind (table {@code device}, read by the authorisation filter).
 *
 * <ul>
 *   <li>The project must be registered by a policy ({@code project_coverage}), else
 *       UNKNOWN_PROJECT (422).
 *   <li>A device id already registered by another connector is CONFLICT (409): device ids are
 *       unique district-wide, because alerts name a device by its id alone
 *       ({@code urn:capillary:device:<deviceId>}).
 *   <li>The same connector registering the same device again moves it to the named project and
 *       updates its kind (a device reinstalled on another site).
 * </ul>
 */
public final class DeviceEffect implements OperationEffect {

  /** The operation this effect belongs to. */
  public static final String OPERATION_ID = "registerDevice";

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void apply(JdbcClient tx, EffectContext ctx) {
    JsonNode body = ctx.json();
    String deviceId = EffectContext.requiredString(body, "deviceId");
    String projectId = EffectContext.requiredString(body, "projectId");
    String kind = EffectContext.requiredString(body, "kind");
    Optional<Integer> project = tx.sql("SELECT 1 FROM project_coverage WHERE project_id = ?")
        .param(projectId)
        .query(Integer.class)
        .optional();
    if (project.isEmpty()) {
      throw new ProblemException("UNKNOWN_PROJECT",
          "project " + projectId + " is not registered by any policy");
    }
    OffsetDateTime at = StoreCalls.utc(ctx.receivedAt());
    int inserted = tx.sql("""
            INSERT INTO device (device_id, connector_id, project_id, kind, submission_seq,
                created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""")
        .params(deviceId, ctx.connectorId(), projectId, kind, ctx.seq(), at, at)
        .update();
    if (inserted == 1) {
      return;
    }
    String owner = tx.sql("SELECT connector_id FROM device WHERE device_id = ? FOR UPDATE")
        .param(deviceId)
        .query(String.class)
        .single();
    if (!owner.equals(ctx.connectorId())) {
      throw new ProblemException("CONFLICT",
          "device " + deviceId + " is registered by another connector");
    }
    tx.sql("""
            UPDATE device SET project_id = ?, kind = ?, submission_seq = ?, updated_at = ?
            WHERE device_id = ?""")
        .params(projectId, kind, ctx.seq(), at, deviceId)
        .update();
  }
}
