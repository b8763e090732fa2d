package org.capillary.gateway.compliance;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.capillary.gateway.events.EventSink;
import org.capillary.gateway.events.EventTypes;
import org.capillary.gateway.events.PlatformEvent;
import org.capillary.gateway.projection.ProjectionHook;
import org.capillary.gateway.projection.Projector;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates a project's obligations and stores them ({@code prj_obligation}; only the rows that
 * changed are written, and {@code evaluated_at} is when a row last changed), raising
 * obligation.missed when one becomes MISSED and obligation.due-soon when one becomes due soon,
 * each once per obligation ({@link Notices}; nothing is announced with {@link EventSink#NONE}, as
 * in a rebuild: the next tick of the obligation clock announces what was never announced). Runs in the caller's transaction after locking the project's row, so
 * the projection worker and the obligation clocks of several replicas update a project one at a
 * time and never raise an event twice.
 */
public final class ObligationRecorder implements ProjectionHook {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final ObligationEvaluator evaluator;
  private final FactsReader facts;

  /**
   * @param evaluator the evaluator of the rule profile
   * @param facts reads the facts of a project
   */
  public ObligationRecorder(ObligationEvaluator evaluator, FactsReader facts) {
    this.evaluator = evaluator;
    this.facts = facts;
  }

  @Override
  public void projectChanged(JdbcClient tx, String projectId, Instant now, EventSink events) {
    Optional<String[]> project = tx.sql("""
            SELECT subdistrict_code, insurer_connector_id FROM prj_project WHERE project_id = ? FOR UPDATE""")
        .param(projectId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    if (project.isEmpty()) {
      return;
    }
    Optional<ProjectFacts> f = facts.read(tx, projectId);
    if (f.isEmpty()) {
      return;
    }
    List<Obligation> obligations = evaluator.evaluate(f.get(), now);
    Map<String, Stored> known = stored(tx, projectId);
    OffsetDateTime at = Projector.utc(now);
    boolean announce = events != EventSink.NONE;
    for (Obligation o : obligations) {
      Stored before = known.remove(o.obligationId());
      if (announce && o.dueSoon() && Notices.first(tx, projectId, o.obligationId(), Notices.DUE_SOON, now)) {
        events.emit(event(EventTypes.OBLIGATION_DUE_SOON, projectId, project.get(), o, now));
      }
      if (announce && o.state() == ObligationState.MISSED
          && Notices.first(tx, projectId, o.obligationId(), Notices.MISSED, now)) {
        events.emit(event(EventTypes.OBLIGATION_MISSED, projectId, project.get(), o, now));
      }
      if (before != null && before.matches(o)) {
        continue; // unchanged: rewriting the row would only cost a page write on every submission
      }
      Object[] values = {o.ruleId(), o.title(), ts(o.dueAt()), o.state().name(),
          JSON.writeValueAsString(o.satisfiedBy()), new SqlParameterValue(Types.VARCHAR, o.detail()), o.dueSoon(),
          at, projectId, o.obligationId()};
      if (before != null) {
        tx.sql("""
                UPDATE prj_obligation SET rule_id = ?, title = ?, due_at = ?, state = ?, satisfied_by = ?, detail = ?,
                    due_soon = ?, evaluated_at = ?
                WHERE project_id = ? AND obligation_id = ?""")
            .params(values).update();
      } else {
        tx.sql("""
                INSERT INTO prj_obligation (rule_id, title, due_at, state, satisfied_by, detail, due_soon,
                    evaluated_at, project_id, obligation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(values).update();
      }
    }
    for (String gone : known.keySet()) {
      tx.sql("DELETE FROM prj_obligation WHERE project_id = ? AND obligation_id = ?").params(projectId, gone).update();
    }
  }

  /**
   * Whether {@link #projectChanged} at {@code now} would change nothing: the stored obligations are
   * exactly what an evaluation now gives, and every one due soon or missed has been announced.
   * Reads only (no lock), so the obligation clock can pass over the projects time has not moved
   * without a write transaction each; what it finds stale it re-evaluates under the lock.
   *
   * @param tx a connection (in or out of a transaction)
   * @param projectId the project
   * @param now the instant of evaluation
   * @return true when there is nothing to store or announce
   */
  public boolean upToDate(JdbcClient tx, String projectId, Instant now) {
    Optional<ProjectFacts> f = facts.read(tx, projectId);
    if (f.isEmpty()) {
      return true; // projectChanged would do nothing either
    }
    List<Obligation> obligations = evaluator.evaluate(f.get(), now);
    Map<String, Stored> known = stored(tx, projectId);
    if (known.size() != obligations.size()) {
      return false;
    }
    for (Obligation o : obligations) {
      Stored before = known.get(o.obligationId());
      if (before == null || !before.matches(o)
          || (o.dueSoon() && !Notices.given(tx, projectId, o.obligationId(), Notices.DUE_SOON))
          || (o.state() == ObligationState.MISSED
              && !Notices.given(tx, projectId, o.obligationId(), Notices.MISSED))) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Stored> stored(JdbcClient tx, String projectId) {
    Map<String, Stored> out = new HashMap<>();
    tx.sql("""
            SELECT obligation_id, rule_id, title, due_at, state, satisfied_by, detail, due_soon
            FROM prj_obligation WHERE project_id = ?""")
        .param(projectId)
        .query((rs, n) -> {
          OffsetDateTime due = rs.getObject(4, OffsetDateTime.class);
          return out.put(rs.getString(1), new Stored(rs.getString(2), rs.getString(3),
              due == null ? null : due.toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
              rs.getBoolean(8)));
        })
        .list();
    return out;
  }

  /** An obligation's row as stored (everything but the time it was written). */
  private record Stored(String ruleId, String title, @Nullable Instant dueAt, String state, String satisfiedBy,
      @Nullable String detail, boolean dueSoon) {

    boolean matches(Obligation o) {
      Instant due = o.dueAt() == null ? null : Projector.utc(o.dueAt()).toInstant();
      return ruleId.equals(o.ruleId()) && title.equals(o.title()) && Objects.equals(dueAt, due)
          && state.equals(o.state().name()) && satisfiedBy.equals(JSON.writeValueAsString(o.satisfiedBy()))
          && Objects.equals(detail, o.detail()) && dueSoon == o.dueSoon();
    }
  }

  private PlatformEvent event(String type, String projectId, String[] project, Obligation o, Instant now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("projectId", projectId);
    data.put("ruleProfile", evaluator.profile().id());
    data.put("obligationId", o.obligationId());
    data.put("ruleId", o.ruleId());
    data.put("title", o.title());
    data.put("dueAt", o.dueAt() == null ? null : o.dueAt().toString());
    data.put("state", o.state().name());
    if (o.detail() != null) {
      data.put("detail", o.detail());
    }
    return new PlatformEvent(type, projectId, project[0], project[1], now, data);
  }

  private static SqlParameterValue ts(Instant t) {
    return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, t == null ? null : Projector.utc(t));
  }
}
