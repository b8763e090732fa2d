package org.capillary.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store's beans on Boot's DataSource, transaction manager and Flyway migrations. */
class StoreConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  static class Time {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
          DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
          FlywayAutoConfiguration.class))
      .withUserConfiguration(Time.class, StoreConfiguration.class)
      .withPropertyValues(
          "spring.datasource.url=jdbc:h2:mem:cfg_" + UUID.randomUUID().toString().replace("-", "")
              + TestDatabase.H2_OPTIONS + ";DB_CLOSE_DELAY=-1",
          "spring.datasource.username=sa");

  @Test
  void wiresTheStoreOnBootsDataSource() {
    runner.withPropertyValues("capillary.gateway.store.idempotency-lease=PT45S")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx).hasSingleBean(Ledger.class).hasSingleBean(IdempotencyStore.class)
              .hasSingleBean(AuthorizationStore.class).hasSingleBean(IdempotencyJanitor.class)
              .hasSingleBean(SubmissionEffects.class);
          assertThat(ctx).hasBean(StoreConfiguration.SCHEDULER);
          assertThat(ctx.getBean(StoreProperties.class).idempotencyLease())
              .isEqualTo(Duration.ofSeconds(45));
          assertThat(ctx.getBean(IdempotencyJanitor.class).isRunning()).isTrue();
          assertThat(ctx.getBean(SubmissionEffects.class).forOperation("registerPolicy"))
              .singleElement().isInstanceOf(CoverageEffect.class);

          // Flyway ran the migrations, and an append goes through Boot's transaction manager
          String key = Stores.unique("k");
          NewSubmission sub = Stores.submission("c1", key, "op", Stores.utf8("{}"));
          IdempotencyStore idempotency = ctx.getBean(IdempotencyStore.class);
          assertThat(idempotency.begin("c1", key, sub.contentDigest(), "op").block())
              .isInstanceOf(IdempotencyDecision.Proceed.class);
          StoredSubmission stored = ctx.getBean(Ledger.class).append(sub, Stores::receipt).block();
          assertThat(idempotency.begin("c1", key, sub.contentDigest(), "op").block())
              .isInstanceOfSatisfying(IdempotencyDecision.Replay.class,
                  r -> assertThat(r.body()).isEqualTo(stored.responseBody()));
        });
  }

  @Test
  void aRetentionBelowTwentyFourHoursFailsTheStart() {
    runner.withPropertyValues("capillary.gateway.store.idempotency-retention=PT1H")
        .run(ctx -> assertThat(ctx).hasFailed());
  }
}
