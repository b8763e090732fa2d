package org.capillary.gateway.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Wiring of the durable store, the same in both profiles (both use JDBC: H2 by default,
 * PostgreSQL in production; Boot provides the DataSource, its transaction manager and the Flyway
 * migrations in {@code db/migration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
public class StoreConfiguration {

  /** The qualifier of the store's scheduler. */
  public static final String SCHEDULER = "storeScheduler";

  private static final int DEFAULT_THREADS = 10;

  /**
   * The bounded scheduler every blocking JDBC call runs on, one thread per pooled connection, so
   * the event loop never blocks and a slow database queues work here rather than on Netty.
   */
  @Bean(name = SCHEDULER, destroyMethod = "dispose")
  public Scheduler storeScheduler(DataSource dataSource, StoreProperties properties) {
    int threads = properties.schedulerThreads() > 0
        ? properties.schedulerThreads() : poolSize(dataSource);
    return Schedulers.newBoundedElastic(threads, properties.schedulerQueue(), "capillary-store");
  }

  /** Idempotency-Key records. */
  @Bean
  public JdbcIdempotencyStore idempotencyStore(
      DataSource dataSource,
      @Qualifier(SCHEDULER) Scheduler scheduler,
      Clock clock,
      StoreProperties properties) {
    return new JdbcIdempotencyStore(dataSource, scheduler, clock, properties);
  }

  /** Purges expired idempotency records while the application runs. */
  @Bean
  public IdempotencyJanitor idempotencyJanitor(
      IdempotencyStore idempotencyStore, StoreProperties properties) {
    return new IdempotencyJanitor(
        idempotencyStore, properties.janitorInterval(), Schedulers.parallel());
  }

  /** The ledger. */
  @Bean
  public JdbcLedger ledger(
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      @Qualifier(SCHEDULER) Scheduler scheduler,
      Clock clock,
      StoreProperties properties) {
    return new JdbcLedger(dataSource, transactionManager, scheduler, clock, properties);
  }

  /** The authorisation filter's view of project coverage and devices. */
  @Bean
  public JdbcAuthorizationStore authorizationStore(
      DataSource dataSource, @Qualifier(SCHEDULER) Scheduler scheduler) {
    return new JdbcAuthorizationStore(dataSource, scheduler);
  }

  /** registerPolicy's write-through to project_coverage. */
  @Bean
  public CoverageEffect coverageEffect() {
    return new CoverageEffect();
  }

  /** registerDevice's write-through to device. */
  @Bean
  public DeviceEffect deviceEffect() {
    return new DeviceEffect();
  }

  /** createSubscription's write-through to subscription_registry. */
  @Bean
  public SubscriptionRegistryEffects.Create subscriptionCreateEffect() {
    return new SubscriptionRegistryEffects.Create();
  }

  /** deleteSubscription's write-through (and its NOT_FOUND). */
  @Bean
  public SubscriptionRegistryEffects.Delete subscriptionDeleteEffect() {
    return new SubscriptionRegistryEffects.Delete();
  }

  /** Every {@link OperationEffect} bean, by operation. */
  @Bean
  public SubmissionEffects submissionEffects(List<OperationEffect> effects) {
    return new SubmissionEffects(effects);
  }

  private static int poolSize(DataSource dataSource) {
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        return dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
      }
    } catch (SQLException e) {
      // not a Hikari pool after all
    }
    return DEFAULT_THREADS;
  }
}
