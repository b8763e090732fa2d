package org.capillary.gateway.compliance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capillary.gateway.projection.AlertPromotion;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@link AlertPromotion} from the rule profile: the suggestion table of R-34
 * ({@code parameters.promotion.suggestions}, first entry listing the alert's AI event type or
 * electricity alarm kind, else {@code defaultSuggestion}) and the limits that keep a confirmed
 * alert from becoming a hazard — a monitor's own FAULT is not a hazard on site, and an arc-fault
 * alarm below R-50's half-cycle threshold is not an alarm at all.
 */
public final class ProfileAlertPromotion implements AlertPromotion {

  private static final String ELECTRICITY = "org.capillary.alert.electricity.v1";

  private final String profileId;
  private final Map<String, Suggestion> byCode;
  private final Suggestion fallback;
  private final double minArcHalfCycles;

  /**
   * @param profile the rule profile
   */
  public ProfileAlertPromotion(RuleProfile profile) {
    this.profileId = profile.id();
    JsonNode promotion = profile.parameters("R-34").path("promotion");
    Map<String, Suggestion> table = new HashMap<>();
    for (JsonNode entry : promotion.path("suggestions")) {
      Suggestion s = suggestion(entry);
      entry.path("on").forEach(code -> table.putIfAbsent(code.asString(), s));
    }
    this.byCode = Map.copyOf(table);
    JsonNode fallbackNode = promotion.path("defaultSuggestion");
    this.fallback = fallbackNode.isObject() ? suggestion(fallbackNode)
        : new Suggestion("OTHER", "AI 识别的安全隐患 (a hazard identified by AI)", List.of("核查告警并消除隐患"), profileId);
    double min = 0;
    for (JsonNode t : profile.parameters("R-50").path("thresholds")) {
      if ("arcFaultHalfCyclesPerSecond".equals(t.path("name").asString()) && t.path("min").isNumber()) {
        min = t.path("min").doubleValue();
      }
    }
    this.minArcHalfCycles = min;
  }

  private Suggestion suggestion(JsonNode entry) {
    List<String> measures = new ArrayList<>();
    entry.path("measures").forEach(m -> measures.add(m.asString()));
    return new Suggestion(entry.path("category").asString(), entry.path("description").asString(), measures, profileId);
  }

  @Override
  public @Nullable String refusal(JsonNode event) {
    if (!ELECTRICITY.equals(event.path("type").asString())) {
      return null;
    }
    JsonNode data = event.path("data");
    if ("FAULT".equals(data.path("category").asString())) {
      return "a fault of the monitor itself is not a hazard on site (R-34)";
    }
    if ("ARC_FAULT".equals(data.path("kind").asString())
        && "HALF_CYCLES_PER_SECOND".equals(data.path("unit").asString())
        && data.path("measuredValue").isNumber() && data.path("measuredValue").doubleValue() < minArcHalfCycles) {
      return "an arc fault of " + data.path("measuredValue").asString() + " half-cycles per second is below the alarm "
          + "threshold of R-50";
    }
    return null;
  }

  @Override
  public Suggestion suggest(JsonNode event) {
    JsonNode data = event.path("data");
    String code = ELECTRICITY.equals(event.path("type").asString())
        ? data.path("kind").asString() : data.path("eventType").asString();
    return byCode.getOrDefault(code, fallback);
  }
}
