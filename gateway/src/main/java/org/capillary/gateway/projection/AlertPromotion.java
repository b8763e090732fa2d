package org.capillary.gateway.projection;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the rule profile says about turning a confirmed alert into a hazard (rule R-34): whether a
 * rule still keeps it from being promoted, and the rectification suggestion generated for it.
 * Implementations are pure (the same event gives the same answer), so a rebuild of the projections
 * opens the same hazards with the same suggestions.
 */
public interface AlertPromotion {

  /**
   * @param event the alert as received (an AlertEvent: CloudEvents attributes and {@code data})
   * @return why the alert may not become a hazard even though a person confirmed it, or null
   */
  @Nullable String refusal(JsonNode event);

  /**
   * @param event the alert as received
   * @return the suggestion generated from its AI event type or electricity alarm kind
   */
  Suggestion suggest(JsonNode event);

  /**
   * A generated rectification suggestion (AI 生成整改建议).
   *
   * @param category the hazard category (a SpecialRiskCategory code)
   * @param description the problem, as the hazard's description
   * @param measures the suggested measures (定措施)
   * @param ruleProfile the profile whose table produced it
   */
  record Suggestion(String category, String description, List<String> measures, String ruleProfile) {

    /** Copies the measures. */
    public Suggestion {
      measures = List.copyOf(measures);
    }
  }
}
