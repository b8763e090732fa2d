package org.capillary.gateway.config;

import java.time.Clock;
import org.capillary.gateway.error.ProblemCatalog;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.validation.ContractValidator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contract, its validator and the clock: one of each per process. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

  /** The published contract from the spec jar. */
  @Bean
  public Contract contract() {
    return Contract.load();
  }

  /** The validator; every schema is compiled at start-up so a broken contract fails fast. */
  @Bean
  public ContractValidator contractValidator(Contract contract) {
    ContractValidator validator = ContractValidator.create(contract);
    validator.preload();
    return validator;
  }

  /** The problem codes of the contract. */
  @Bean
  public ProblemCatalog problemCatalog() {
    return ProblemCatalog.load();
  }

  /** Time, injected everywhere it matters; tests replace it. */
  @Bean
  @ConditionalOnMissingBean
  public Clock clock() {
    return Clock.systemUTC();
  }
}
