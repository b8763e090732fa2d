package org.capillary.conformance.platform;

import java.net.URI;
import java.time.Clock;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Transcript;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.validation.ContractValidator;

/**
 * What every platform scenario works with: the contract, its validator, the client, the connectors
 * and the fixtures. Opened by each scenario's set-up from the run's settings.
 *
 * @param contract the contract
 * @param validator validates bodies against the contract's schemas
 * @param client the client of the gateway under test
 * @param connectors the run's connectors
 * @param fixtures makes examples submittable
 * @param clock the run's clock (signatures' {@code iat})
 */
public record PlatformSession(Contract contract, ContractValidator validator, PlatformClient client,
    PlatformConnectors connectors, Fixtures fixtures, Clock clock) {

  private static volatile Contract contractCache;
  private static volatile ContractValidator validatorCache;

  /**
   * Opens a session.
   *
   * @param settings the run's settings ({@code baseUrl} and the connectors')
   * @param transcript where exchanges are recorded
   * @return the session
   */
  public static PlatformSession open(RunSettings settings, Transcript transcript) {
    PlatformClient client = PlatformClient.create(URI.create(settings.require(PlatformPlan.BASE_URL)), settings.timeout(), transcript);
    PlatformConnectors connectors = PlatformConnectors.from(settings);
    return new PlatformSession(sharedContract(), sharedValidator(), client, connectors, new Fixtures(client, connectors, settings.clock()),
        settings.clock());
  }

  /** The contract (loaded once). */
  static Contract sharedContract() {
    Contract c = contractCache;
    if (c == null) {
      c = Contract.load();
      contractCache = c;
    }
    return c;
  }

  /** The validator (created once). */
  static ContractValidator sharedValidator() {
    ContractValidator v = validatorCache;
    if (v == null) {
      v = ContractValidator.create(sharedContract());
      validatorCache = v;
    }
    return v;
  }
}
