package org.capillary.conformance.connector.check;

import java.util.Set;

/** Every JSON body is well-formed I-JSON and valid against its operation's JSON Schema. */
public final class ValidateRequestBodiesAgainstSchema extends NoFindingCheck {

  /** Creates the check. */
  public ValidateRequestBodiesAgainstSchema() {
    super(Set.of("VALIDATION_FAILED", "MALFORMED_JSON", "DUPLICATE_JSON_PROPERTY"));
  }

  @Override
  public String description() {
    return "Every record body parses as JSON without duplicate members and conforms to the operation's schema.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-VAL-01", "CAP-GRD-03", "CAP-GRD-06");
  }
}
