package org.capillary.conformance.pact;

import org.capillary.conformance.ContractDocument;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.validation.ContractValidator;

/** The contract, its document and validator, loaded once for the pact checks. */
final class PactContract {

  private static final Contract CONTRACT = Contract.load();
  private static final ContractDocument DOCUMENT = ContractDocument.load();
  private static final ContractValidator VALIDATOR = ContractValidator.create(CONTRACT);

  private PactContract() {}

  static Contract contract() {
    return CONTRACT;
  }

  static ContractDocument document() {
    return DOCUMENT;
  }

  static ContractValidator validator() {
    return VALIDATOR;
  }
}
