package org.capillary.conformance.pact;

import java.util.List;
import java.util.Map;
import org.capillary.conformance.plan.Plan;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;

/**
 * Checks a connector's Pact file against the contract: {@code run --plan pact --set pactFile=<file>}.
 * Offline; nothing is called.
 */
public final class PactPlan implements Plan {

  /** The setting naming the Pact file. */
  public static final String PACT_FILE = "pactFile";

  @Override
  public String id() {
    return "pact";
  }

  @Override
  public String role() {
    return "connector-pact";
  }

  @Override
  public String description() {
    return "Checks a connector's Pact file (v3/v4) against the contract itself: operations, required headers, request and"
        + " response schemas.";
  }

  @Override
  public Map<String, String> requiredSettings() {
    return Map.of(PACT_FILE, "the connector's Pact file (JSON, Pact specification 3 or 4)");
  }

  @Override
  public String targetId(RunSettings settings) {
    return settings.value("target").orElse("pact of " + settings.value(PACT_FILE).orElse("?"));
  }

  @Override
  public List<Scenario<?>> scenarios() {
    return List.of(new PactFileScenario());
  }
}
