package org.capillary.gateway.store;

import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@link AuthorizationStore} on the {@code policy}, {@code project_coverage} and {@code device}
 * tables.
 */
public final class JdbcAuthorizationStore implements AuthorizationStore {

  private final JdbcClient jdbc;
  private final Scheduler scheduler;

  /**
   * @param dataSource the gateway's DataSource
   * @param scheduler the bounded scheduler for blocking calls
   */
  public JdbcAuthorizationStore(DataSource dataSource, Scheduler scheduler) {
    this.jdbc = JdbcClient.create(dataSource);
    this.scheduler = scheduler;
  }

  @Override
  public Mono<Optional<String>> insurerOf(String projectId) {
    return StoreCalls.call(scheduler, () -> jdbc
        .sql("SELECT insurer_connector_id FROM project_coverage WHERE project_id = ?")
        .param(projectId)
        .query(String.class)
        .optional());
  }

  @Override
  public Mono<Optional<String>> insurerOfPolicy(String policyId) {
    return StoreCalls.call(scheduler, () -> jdbc
        .sql("SELECT insurer_connector_id FROM policy WHERE policy_id = ?")
        .param(policyId)
        .query(String.class)
        .optional());
  }

  @Override
  public Mono<Optional<ProjectCoverage>> coverage(String projectId) {
    return StoreCalls.call(scheduler, () -> jdbc
        .sql("""
            SELECT project_id, insurer_connector_id, policy_id, subdistrict_code
            FROM project_coverage WHERE project_id = ?""")
        .param(projectId)
        .query((rs, n) -> new ProjectCoverage(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional());
  }

  @Override
  public Mono<Optional<DeviceOwnership>> device(String deviceId) {
    return StoreCalls.call(scheduler, () -> jdbc
        .sql("SELECT device_id, connector_id, project_id, kind FROM device WHERE device_id = ?")
        .param(deviceId)
        .query((rs, n) -> new DeviceOwnership(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional());
  }
}
