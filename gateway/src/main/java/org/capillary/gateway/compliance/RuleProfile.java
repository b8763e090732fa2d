package org.capillary.gateway.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A district's rule profile ({@code spec/rules/<id>.yaml}, shape documented in its header and in
 * {@code schemas/RuleProfile.json}), read once: every duration, count and code list the
 * evaluator uses comes from here, never from code.
 *
 * @param id the profile id, e.g. futian-2025
 * @param zone the time zone calendar durations are counted in
 * @param dueSoon how long before its due time a PENDING obligation is flagged due-soon
 * @param titles the title of each rule, by rule id
 * @param rules each rule's document, by rule id
 * @param reference the profile's reference data (code lists), by list name
 * @param subdistricts the district's sub-districts, code to name, in profile order
 */
public record RuleProfile(
    String id,
    ZoneId zone,
    Duration dueSoon,
    Map<String, String> titles,
    Map<String, JsonNode> rules,
    Map<String, List<String>> reference,
    Map<String, String> subdistricts) {

  /** Where the spec jar keeps the Futian profile. */
  public static final String FUTIAN = "capillary/spec/rules/futian-2025.yaml";

  /**
   * Loads a profile from the class path.
   *
   * @param resource e.g. {@link #FUTIAN}
   * @return the profile
   * @throws IllegalStateException if it is missing or malformed
   */
  public static RuleProfile load(String resource) {
    try (InputStream in = RuleProfile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("rule profile " + resource + " is not on the class path");
      }
      return parse(YAMLMapper.builder().build().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RuleProfile parse(JsonNode doc) {
    Map<String, String> titles = new LinkedHashMap<>();
    Map<String, JsonNode> rules = new LinkedHashMap<>();
    for (JsonNode rule : doc.path("rules")) {
      String id = rule.path("id").asString();
      titles.put(id, rule.path("title").asString());
      rules.put(id, rule);
    }
    Map<String, List<String>> reference = new LinkedHashMap<>();
    Map<String, String> subdistricts = new LinkedHashMap<>();
    for (var entry : doc.path("reference").properties()) {
      JsonNode entries = entry.getValue().path("entries");
      if (entries.isArray()) {
        List<String> codes = new ArrayList<>();
        for (JsonNode e : entries) {
          codes.add(e.path("code").asString());
          if ("subdistricts".equals(entry.getKey())) {
            subdistricts.put(e.path("code").asString(), e.path("name").asString());
          }
        }
        reference.put(entry.getKey(), List.copyOf(codes));
      }
    }
    JsonNode evaluation = doc.path("evaluation");
    return new RuleProfile(
        doc.path("id").asString(),
        ZoneId.of(evaluation.path("timezone").asString("Asia/Shanghai")),
        Duration.parse(evaluation.path("dueSoon").asString("PT12H")),
        Map.copyOf(titles), Map.copyOf(rules), Map.copyOf(reference),
        java.util.Collections.unmodifiableMap(subdistricts));
  }

  /** A rule's title, or its id when the profile has no such rule. */
  public String title(String ruleId) {
    return titles.getOrDefault(ruleId, ruleId);
  }

  /** Whether the profile has the rule. */
  public boolean has(String ruleId) {
    return rules.containsKey(ruleId);
  }

  /** A rule's parameters (a missing node when absent). */
  public JsonNode parameters(String ruleId) {
    JsonNode rule = rules.get(ruleId);
    return rule == null ? tools.jackson.databind.node.MissingNode.getInstance() : rule.path("parameters");
  }

  /** A reference code list, e.g. mandatoryFirstInspectionItems; empty when absent. */
  public List<String> codes(String list) {
    return reference.getOrDefault(list, List.of());
  }

  /** A profile duration at a path of a rule's parameters, or the fallback when absent. */
  public ProfileDuration duration(String ruleId, String pointer, String fallback) {
    JsonNode n = parameters(ruleId).at(pointer);
    return ProfileDuration.parse(n.isString() ? n.stringValue() : fallback);
  }

  /** A text at a path of a rule's parameters, or the fallback. */
  public String text(String ruleId, String pointer, String fallback) {
    JsonNode n = parameters(ruleId).at(pointer);
    return n.isString() ? n.stringValue() : fallback;
  }

  /** A number at a path of a rule's parameters, or the fallback. */
  public double number(String ruleId, String pointer, double fallback) {
    JsonNode n = parameters(ruleId).at(pointer);
    return n.isNumber() ? n.doubleValue() : fallback;
  }

  /** The name of a sub-district, if the profile lists it. */
  public @Nullable String subdistrictName(String code) {
    return subdistricts.get(code);
  }
}
