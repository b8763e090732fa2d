package org.capillary.gateway.store;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.capillary.gateway.error.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * registerPolicy's write-through: records that the submitting insurer holds {@code
 * body.policyId} (table {@code policy}) and, for each of {@code body.projects[*]}, that it covers
 * the project under that policy (table {@code project_coverage}); both are read by the
 * authorisation filter.
 *
 * <ul>
 *   <li>A policy id is unique district-wide (it addresses {@code /v1/policies/{policyId}}): one
 *       already registered by another insurer is CONFLICT (409). The same insurer registering it
 *       again (a correction) is fine.
 *   <li>A new project is recorded with the submitting connector as its insurer.
 *   <li>A project the same insurer already covers moves to this policy (a renewal or a
 *       correction); its sub-district code is updated.
 *   <li>A project covered by another insurer refuses the whole submission with
 *       PROJECT_NOT_COVERED (403): one insurer per project is the tenant boundary, and an insurer
 *       may not take over another's project by registering it. This is the answer the
 *       authorisation filter gives for any other write to that project, and it names neither the
 *       other insurer nor its policy. (CONFLICT would suggest a retry could succeed.)
 * </ul>
 *
 * Race-safe: rows are locked in project-id order (no deadlock between two policies naming the
 * same projects), and a concurrent first registration of a project waits on the insert of the
 * other transaction, then sees its row.
 */
public final class CoverageEffect implements OperationEffect {

  /** The operation this effect belongs to. */
  public static final String OPERATION_ID = "registerPolicy";

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void apply(JdbcClient tx, EffectContext ctx) {
    JsonNode body = ctx.json();
    String policyId = EffectContext.requiredString(body, "policyId");
    Map<String, @Nullable String> projects = new TreeMap<>();
    JsonNode list = body.path("projects");
    if (!list.isArray() || list.isEmpty()) {
      throw new ProblemException("VALIDATION_FAILED", "the policy names no projects");
    }
    for (JsonNode project : list) {
      String subdistrict = project.path("subdistrictCode").isString()
          ? project.path("subdistrictCode").stringValue() : null;
      projects.put(EffectContext.requiredString(project, "projectId"), subdistrict);
    }
    OffsetDateTime at = StoreCalls.utc(ctx.receivedAt());
    registerPolicy(tx, ctx, policyId, at);
    projects.forEach((projectId, subdistrict) -> {
      int inserted = tx.sql("""
              INSERT INTO project_coverage (project_id, insurer_connector_id, policy_id,
                  subdistrict_code, submission_seq, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT DO NOTHING""")
          .params(projectId, ctx.connectorId(), policyId, varchar(subdistrict), ctx.seq(), at, at)
          .update();
      if (inserted == 1) {
        return;
      }
      String insurer = tx
          .sql("SELECT insurer_connector_id FROM project_coverage WHERE project_id = ? FOR UPDATE")
          .param(projectId)
          .query(String.class)
          .single();
      if (!insurer.equals(ctx.connectorId())) {
        throw new ProblemException("PROJECT_NOT_COVERED",
            "project " + projectId + " is covered by another insurer's policy");
      }
      tx.sql("""
              UPDATE project_coverage
              SET policy_id = ?, subdistrict_code = ?, submission_seq = ?, updated_at = ?
              WHERE project_id = ?""")
          .params(policyId, varchar(subdistrict), ctx.seq(), at, projectId)
          .update();
    });
  }

  private static void registerPolicy(
      JdbcClient tx, EffectContext ctx, String policyId, OffsetDateTime at) {
    int inserted = tx.sql("""
            INSERT INTO policy (policy_id, insurer_connector_id, submission_seq, created_at,
                updated_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""")
        .params(policyId, ctx.connectorId(), ctx.seq(), at, at)
        .update();
    if (inserted == 1) {
      return;
    }
    String insurer = tx
        .sql("SELECT insurer_connector_id FROM policy WHERE policy_id = ? FOR UPDATE")
        .param(policyId)
        .query(String.class)
        .single();
    if (!insurer.equals(ctx.connectorId())) {
      throw new ProblemException("CONFLICT",
          "policy id " + policyId + " is already registered by another insurer");
    }
    tx.sql("UPDATE policy SET submission_seq = ?, updated_at = ? WHERE policy_id = ?")
        .params(ctx.seq(), at, policyId)
        .update();
  }

  private static SqlParameterValue varchar(@Nullable String value) {
    return new SqlParameterValue(Types.VARCHAR, value);
  }
}
