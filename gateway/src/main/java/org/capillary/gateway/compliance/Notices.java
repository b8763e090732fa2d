package org.capillary.gateway.compliance;

import java.time.Instant;
import org.capillary.gateway.projection.Projector;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code notice} table: what has been announced once (due soon, missed, overdue). */
final class Notices {

  static final String DUE_SOON = "DUE_SOON";
  static final String MISSED = "MISSED";
  static final String OVERDUE = "OVERDUE";

  private Notices() {}

  /**
   * Records a notice in the caller's transaction.
   *
   * @return true when it is new (announce it), false when it was given before
   */
  static boolean first(JdbcClient tx, String projectId, String subjectId, String kind, Instant now) {
    return tx.sql("""
            INSERT INTO notice (project_id, subject_id, kind, noticed_at) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING""")
        .params(projectId, subjectId, kind, Projector.utc(now))
        .update() == 1;
  }

  /**
   * Whether a notice has been recorded (read only).
   *
   * @return true when it was given before
   */
  static boolean given(JdbcClient tx, String projectId, String subjectId, String kind) {
    return tx.sql("SELECT 1 FROM notice WHERE project_id = ? AND subject_id = ? AND kind = ?")
        .params(projectId, subjectId, kind)
        .query(Integer.class)
        .optional()
        .isPresent();
  }
}
