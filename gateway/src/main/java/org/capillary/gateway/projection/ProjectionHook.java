package org.capillary.gateway.projection;

import java.time.Instant;
import org.capillary.gateway.events.EventSink;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Work that follows the projection of a submission, in its transaction (e.g. obligations). */
public interface ProjectionHook {

  /**
   * @param tx the projecting transaction
   * @param projectId a project the submission touched
   * @param now the instant of evaluation
   * @param events where to raise events ({@link EventSink#NONE} during a rebuild)
   */
  void projectChanged(JdbcClient tx, String projectId, Instant now, EventSink events);
}
