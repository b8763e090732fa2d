package org.capillary.gateway.admin;

import org.capillary.gateway.connector.ConnectorAdministration;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.store.StoreCalls;
import org.capillary.gateway.store.StoreConfiguration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/admin/connectors/{connectorId}} (getConnector): a connector's registration as the
 * registry holds it now — role, organisation, status, keys with their states and windows, and the
 * published rate plan. Operators only (the pipeline's authorisation enforces {@code x-roles}).
 */
@RestController
public class AdminConnectorController {

  private final ConnectorAdministration administration;
  private final JdbcClient jdbc;
  private final Scheduler scheduler;

  /**
   * @param administration the connector registry
   * @param dataSource the database
   * @param scheduler the store's bounded scheduler for blocking calls
   */
  public AdminConnectorController(
      ConnectorAdministration administration, DataSource dataSource, @Qualifier(StoreConfiguration.SCHEDULER) Scheduler scheduler) {
    this.administration = administration;
    this.jdbc = JdbcClient.create(dataSource);
    this.scheduler = scheduler;
  }

  /**
   * A connector.
   *
   * @param connectorId the connector id
   * @return the Connector document, or NOT_FOUND
   */
  @GetMapping(path = "/v1/admin/connectors/{connectorId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<JsonNode>> get(@PathVariable String connectorId) {
    return StoreCalls.call(scheduler, () -> administration.describe(jdbc, connectorId)
            .orElseThrow(() -> new ProblemException("NOT_FOUND", "no connector " + connectorId)))
        .map(doc -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(doc));
  }
}
