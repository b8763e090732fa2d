package org.capillary.gateway.compliance;

import java.time.Clock;
import javax.sql.DataSource;
import org.capillary.gateway.events.EventRecorder;
import org.capillary.gateway.projection.PeriodicTask;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The rule profile, the evaluator, obligations on each submission and as time passes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComplianceProperties.class)
public class ComplianceConfiguration {

  /** The district's rule profile. */
  @Bean
  public RuleProfile ruleProfile(ComplianceProperties properties) {
    return RuleProfile.load(properties.ruleProfile());
  }

  /** The promotion of confirmed alerts to hazards, with generated suggestions. */
  @Bean
  public ProfileAlertPromotion alertPromotion(RuleProfile profile) {
    return new ProfileAlertPromotion(profile);
  }

  /** The pure evaluator. */
  @Bean
  public ObligationEvaluator obligationEvaluator(RuleProfile profile) {
    return new ObligationEvaluator(profile);
  }

  /** Reads project facts from the projections. */
  @Bean
  public FactsReader factsReader() {
    return new FactsReader();
  }

  /** Stores obligations; a projection hook. */
  @Bean
  public ObligationRecorder obligationRecorder(ObligationEvaluator evaluator, FactsReader facts) {
    return new ObligationRecorder(evaluator, facts);
  }

  /** Re-evaluates as time passes. */
  @Bean
  public ObligationClock obligationClock(DataSource dataSource, PlatformTransactionManager transactionManager,
      ObligationRecorder obligations, EventRecorder recorder, Clock clock) {
    return new ObligationClock(dataSource, transactionManager, obligations, recorder, clock);
  }

  /** The read side over the projections. */
  @Bean
  public ComplianceReads complianceReads(DataSource dataSource, ObligationEvaluator evaluator, FactsReader facts,
      Clock clock) {
    return new ComplianceReads(dataSource, evaluator, facts, clock);
  }

  /** Ticks the obligation clock while the application runs. */
  @Bean
  public PeriodicTask obligationClockSchedule(ObligationClock obligationClock, ComplianceProperties properties) {
    return new PeriodicTask("capillary-obligations", properties.clockInterval(), properties.clockEnabled(),
        obligationClock::tick);
  }
}
