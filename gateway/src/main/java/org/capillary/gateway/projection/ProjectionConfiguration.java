package org.capillary.gateway.projection;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.capillary.gateway.events.EventRecorder;
import org.capillary.gateway.store.LedgerAppendListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The projection worker, its schedule and the rebuilder; the same in both profiles. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionProperties.class)
public class ProjectionConfiguration {

  /** The database's dialect. */
  @Bean
  public ProjectionDialect projectionDialect(DataSource dataSource) {
    return ProjectionDialect.of(dataSource);
  }

  /** Applies submissions to the projections. */
  @Bean
  public Projector projector(AlertPromotion promotion) {
    return new Projector(promotion);
  }

  /** Consumes the outbox. */
  @Bean
  public ProjectionWorker projectionWorker(DataSource dataSource, PlatformTransactionManager transactionManager,
      ProjectionDialect dialect, Projector projector, ObjectProvider<ProjectionHook> hooks, EventRecorder recorder,
      Clock clock, ProjectionProperties properties) {
    return new ProjectionWorker(dataSource, transactionManager, dialect, projector, hooks.orderedStream().toList(),
        recorder, clock, properties.maxAttempts());
  }

  /** The rebuild command, only when asked for on the command line. */
  @Bean
  @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("capillary.gateway.projection.rebuild-and-exit")
  public ProjectionRebuildCommand projectionRebuildCommand(
      ProjectionRebuilder rebuilder, org.springframework.context.ConfigurableApplicationContext context) {
    return new ProjectionRebuildCommand(rebuilder, context, System::exit);
  }

  /**
   * Drains the outbox while the application runs: at once after each append on this replica
   * ({@link #projectionTrigger}), and by polling every {@code interval}, which picks up what other
   * replicas appended.
   */
  @Bean
  public PeriodicTask projectionSchedule(ProjectionWorker worker, ProjectionProperties properties) {
    return new PeriodicTask("capillary-projection", properties.interval(), properties.enabled(), worker::drainOnce);
  }

  /** Wakes this replica's projection worker after each append. */
  @Bean
  public LedgerAppendListener projectionTrigger(@Qualifier("projectionSchedule") PeriodicTask projectionSchedule) {
    return stored -> projectionSchedule.wakeUp();
  }

  /** Rebuilds the projections from the ledger. */
  @Bean
  public ProjectionRebuilder projectionRebuilder(DataSource dataSource, PlatformTransactionManager transactionManager,
      Projector projector, ObjectProvider<ProjectionHook> hooks, Clock clock) {
    List<ProjectionHook> all = hooks.orderedStream().toList();
    return new ProjectionRebuilder(dataSource, transactionManager, projector, all, clock);
  }
}
