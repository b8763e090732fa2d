package org.capillary.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.capillary.gateway.error.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

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
  void aStarvedPoolIsServiceUnavailableWithRetryAfter() {
    // two connections: Flyway needs both at start-up
    runner.withPropertyValues("spring.datasource.hikari.maximum-pool-size=2",
            "spring.datasource.hikari.connection-timeout=250")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          DataSource pool = ctx.getBean(DataSource.class);
          // the test holds every connection of the pool, so the call cannot get one
          try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            assertThatThrownBy(() -> ctx.getBean(AuthorizationStore.class).insurerOf("p1").block())
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                  assertThat(p.code()).isEqualTo("SERVICE_UNAVAILABLE");
                  assertThat(p.headers()).containsEntry("Retry-After", "1");
                });
          }
        });
  }

  @Test
  void bothProfilesWaitFiveSecondsForAPooledConnection() throws Exception {
    // Well below the SDK's 30 s read timeout: a starved pool is a 503, not a client timeout.
    YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
    assertThat(yaml.load("base", new ClassPathResource("application.yaml")).get(0)
        .getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo(5000);
    assertThat(yaml.load("production", new ClassPathResource("application-production.yaml")).get(0)
        .containsProperty("spring.datasource.hikari.connection-timeout")).isFalse();
  }

  @Test
  void aRetentionBelowTwentyFourHoursFailsTheStart() {
    runner.withPropertyValues("capillary.gateway.store.idempotency-retention=PT1H")
        .run(ctx -> assertThat(ctx).hasFailed());
  }
}
