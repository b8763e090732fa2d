package org.capillary.spec.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.capillary.spec.format.SubdistrictCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Futian rule profile ({@code rules/futian-2025.yaml}) against its schema ({@code
 * schemas/RuleProfile.json}) and against what a schema cannot say: unique ids and codes, parsable
 * durations, names that resolve (facts, operations, records), and agreement with the contract's
 * vocabularies and with {@link SubdistrictCode#futian()}. Everything is read from the class path,
 * as the packaged {@code capillary-spec} jar provides it.
 */
class RuleProfileTest {

  private static final String ROOT = "capillary/spec/";
  private static final String PROFILE = ROOT + "rules/futian-2025.yaml";
  private static final String SCHEMA_ID = "https://capillary.dev/spec/v1/schemas/RuleProfile.json";

  private static final Pattern DURATION = Pattern.compile("^PT?[0-9].*");
  private static final Pattern FACT =
      Pattern.compile("^(project|policy|hazard|inspection|worker)\\.[a-z][A-Za-z0-9]*$");
  private static final Pattern REQUIREMENT = Pattern.compile("^R-[0-9]{2}$");

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static JsonNode profile;
  private static Schema schema;

  @BeforeAll
  static void load() {
    profile = readYaml(PROFILE);
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaIdResolvers(
                    resolvers ->
                        resolvers.mapPrefix(
                            "https://capillary.dev/spec/v1/", "classpath:" + ROOT)));
    schema = registry.getSchema(SchemaLocation.of(SCHEMA_ID));
  }

  @Test
  void profileConformsToRuleProfileSchema() {
    List<Error> errors = schema.validate(profile);
    assertThat(errors).isEmpty();
  }

  @Test
  void ruleIdsAreUnique() {
    List<String> ids = ruleIds();
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void coversEveryRuleTheBriefRequires() {
    // DOMAIN.md §8: the rules the compliance engine evaluates, plus that the
    // contract cites in x-req.
    assertThat(ruleIds())
        .containsExactly(
            "R-01", "R-02", "R-03", "R-10", "R-11", "R-12", "R-20", "R-21", "R-22", "R-23",
            "R-30", "R-31", "R-32", "R-33", "R-34", "R-40", "R-41", "R-42", "R-43", "R-44",
            "R-50");
  }

  @Test
  void everyRuleHasTitleStatementAndBasis() {
    for (JsonNode rule : profile.get("rules")) {
      String id = rule.get("id").asString();
      assertThat(text(rule, "title")).as("%s title", id).isNotBlank();
      assertThat(text(rule, "statement")).as("%s statement", id).isNotBlank();
      assertThat(rule.get("basis")).as("%s basis", id).isNotNull();
      assertThat(rule.get("basis").size()).as("%s basis", id).isPositive();
      for (JsonNode citation : rule.get("basis")) {
        assertThat(citation.asString()).as("%s basis", id).isNotBlank();
      }
    }
  }

  @Test
  void everyDurationParsesAndIsNotNegative() {
    Map<String, String> durations = new LinkedHashMap<>();
    collectStrings(profile, "", (pointer, value) -> {
      if (DURATION.matcher(value).matches()) {
        durations.put(pointer, value);
      }
    });
    // PT48H, P7D, PT12H, P6M, P2Y, P6Y, P3Y, P5Y, PT0S, P0D, P3M … at least these many places.
    assertThat(durations).hasSizeGreaterThanOrEqualTo(20);
    durations.forEach(
        (pointer, value) -> {
          if (value.startsWith("PT")) {
            assertThat(Duration.parse(value).isNegative()).as(pointer).isFalse();
          } else {
            assertThat(Period.parse(value).isNegative()).as(pointer).isFalse();
          }
        });
  }

  @ParameterizedTest
  @CsvSource({
    "R-20, /parameters/within, PT48H",
    "R-22, /parameters/maxGap, P7D",
    "R-30, /parameters/actions/3/within, PT0S",
    "R-32, /parameters/deadline/default, P0D",
    "R-42, /parameters/every, P6M",
    "R-43, /parameters/grace, P0D",
  })
  void keyDurationsHaveTheGuidelineValues(String id, String pointer, String expected) {
    assertThat(rule(profile, id).at(pointer).asString()).isEqualTo(expected);
  }

  @Test
  void dueSoonLeadTimeIsTwelveHours() {
    assertThat(Duration.parse(profile.at("/evaluation/dueSoon").asString()))
        .isEqualTo(Duration.ofHours(12));
  }

  @Test
  void firstInspectionAnchorIsActualStartElseFiling() {
    JsonNode anchor = rule(profile, "R-20").at("/parameters/anchor");
    assertThat(anchor.get("policy").asString()).isEqualTo("FIRST_AVAILABLE");
    assertThat(strings(anchor.get("of")))
        .containsExactly("project.actualStartAt", "project.filedAt");
  }

  @Test
  void preventionFeeCapIsTwentyOnePercentWithoutFloor() {
    JsonNode ratio = rule(profile, "R-02").at("/parameters/ratio");
    assertThat(ratio.get("max").doubleValue()).isEqualTo(0.21);
    assertThat(ratio.get("min").isNull()).isTrue();
  }

  @Test
  void autoConfirmListsAreEmptyByDefault() {
    JsonNode promotion = rule(profile, "R-34").at("/parameters/promotion");
    assertThat(promotion.get("autoConfirmEventTypes").size()).isZero();
    assertThat(promotion.get("autoConfirmElectricityAlarmKinds").size()).isZero();
    assertThat(strings(promotion.get("outcomes"))).containsExactly("VIOLATION");
    assertThat(strings(promotion.get("reviewStatuses"))).containsExactly("CONFIRMED");
  }

  @Test
  void subdistrictsEqualTheCompiledInFutianList() {
    Map<String, String> inProfile = new LinkedHashMap<>();
    for (JsonNode entry : profile.at("/reference/subdistricts/entries")) {
      inProfile.put(entry.get("code").asString(), entry.get("name").asString());
    }
    assertThat(inProfile).containsExactlyEntriesOf(SubdistrictCode.futian().namesByCode());
    assertThat(profile.at("/reference/subdistricts/version").asString())
        .isEqualTo(SubdistrictCode.FUTIAN_VERSION);
  }

  @Test
  void codesAreUniqueInEveryReferenceList() {
    profile
        .get("reference")
        .forEachEntry(
            (list, node) -> {
              JsonNode entries = node.isArray() ? node : node.get("entries");
              List<String> codes = new ArrayList<>();
              entries.forEach(entry -> codes.add(entry.get("code").asString()));
              assertThat(codes).as(list).isNotEmpty().doesNotHaveDuplicates();
            });
  }

  @Test
  void everyFactNamedIsDefined() {
    Set<String> defined = new HashSet<>(profile.get("facts").propertyNames());
    Set<String> named = new TreeSet<>();
    collectStrings(profile.get("rules"), "/rules", (pointer, value) -> {
      if (FACT.matcher(value).matches()) {
        named.add(value);
      }
    });
    assertThat(named).isNotEmpty();
    assertThat(defined).containsAll(named);
  }

  @Test
  void everyFactDefinedIsUsed() {
    Set<String> named = new HashSet<>();
    collectStrings(profile.get("rules"), "/rules", (pointer, value) -> named.add(value));
    assertThat(named).containsAll(profile.get("facts").propertyNames());
  }

  @Test
  void timezoneIsKnownToTheJdk() {
    assertThat(ZoneId.of(profile.at("/evaluation/timezone").asString()))
        .isEqualTo(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void obligationRulesListOnlyDeclaredStates() {
    Set<String> declared = new HashSet<>();
    profile.at("/evaluation/states").forEach(s -> declared.add(s.get("code").asString()));
    for (JsonNode rule : profile.get("rules")) {
      if (rule.has("states")) {
        assertThat(declared).as(rule.get("id").asString()).containsAll(strings(rule.get("states")));
      }
    }
  }

  @Test
  void openQuestionsCiteDomainSectionTen() {
    Set<String> cited = new TreeSet<>();
    for (JsonNode rule : profile.get("rules")) {
      if (rule.has("openQuestions")) {
        rule.get("openQuestions").forEach(q -> cited.add(q.get("ref").asString()));
      }
    }
    // §10.6 (the district platform's own API) is not a rule question.
    assertThat(cited)
        .containsExactly(
            "DOMAIN §10.1", "DOMAIN §10.2", "DOMAIN §10.3", "DOMAIN §10.4", "DOMAIN §10.5",
            "DOMAIN §10.7");
  }

  // --- agreement with the contract (openapi.yaml, schemas/*.json) --------------------------

  @Test
  void evidenceNamesExistingOperationsAndRecords() {
    JsonNode openapi = readYaml(ROOT + "openapi.yaml");
    Set<String> operationIds = new HashSet<>();
    collect(openapi, "operationId", node -> operationIds.add(node.asString()));
    for (JsonNode rule : profile.get("rules")) {
      JsonNode evidence = rule.get("evidence");
      if (evidence == null) {
        continue;
      }
      String id = rule.get("id").asString();
      assertThat(operationIds).as("%s evidence.operation", id)
          .contains(evidence.get("operation").asString());
      String record = ROOT + "schemas/" + evidence.get("record").asString() + ".json";
      assertThat(RuleProfileTest.class.getClassLoader().getResource(record))
          .as("%s evidence.record", id)
          .isNotNull();
    }
  }

  @Test
  void everyRequirementCitedByTheContractIsARule() throws IOException, URISyntaxException {
    Set<String> cited = new TreeSet<>();
    Consumer<JsonNode> addRequirements =
        xReq ->
            xReq.forEach(
                r -> {
                  if (REQUIREMENT.matcher(r.asString()).matches()) {
                    cited.add(r.asString());
                  }
                });
    collect(readYaml(ROOT + "openapi.yaml"), "x-req", addRequirements);
    var schemas = RuleProfileTest.class.getClassLoader().getResource(ROOT + "schemas");
    assertNotNull(schemas);
    try (Stream<Path> files = Files.list(Path.of(schemas.toURI()))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        collect(JSON.readTree(file.toFile()), "x-req", addRequirements);
      }
    }
    assertThat(cited).isNotEmpty();
    assertThat(ruleIds()).containsAll(cited);
  }

  static Stream<Arguments> referenceListsAndContractVocabularies() {
    return Stream.of(
        Arguments.of(
            "requiredEmergencyScenarios", "EmergencyPlan.json", "/$defs/Scenario/enum"),
        Arguments.of(
            "trainingTopics", "TrainingSession.json", "/properties/topics/items/enum"),
        Arguments.of(
            "specialRiskCategories", "common.json", "/$defs/SpecialRiskCategory/enum"),
        Arguments.of(
            "highRiskReasons",
            "PolicyRegistration.json",
            "/$defs/HighRiskReason/x-extensible-enum"),
        Arguments.of(
            "mandatoryFirstInspectionItems", "Inspection.json", "const"));
  }

  @ParameterizedTest
  @MethodSource("referenceListsAndContractVocabularies")
  void referenceListsUseTheContractsCodes(String list, String schemaFile, String where) {
    JsonNode contract = readJson(ROOT + "schemas/" + schemaFile);
    Set<String> vocabulary = new HashSet<>();
    if (where.startsWith("/")) {
      JsonNode values = contract.at(where);
      assertThat(values.isArray()).as("%s%s", schemaFile, where).isTrue();
      vocabulary.addAll(strings(values));
    } else {
      collect(contract, where, node -> vocabulary.add(node.asString()));
    }
    List<String> codes = new ArrayList<>();
    profile.at("/reference/" + list + "/entries").forEach(e -> codes.add(e.get("code").asString()));
    assertThat(vocabulary).as("codes of %s in %s", list, schemaFile).containsAll(codes);
  }

  @Test
  void obligationStatesAreThoseOfObligationList() {
    JsonNode states =
        readJson(ROOT + "schemas/ObligationList.json")
            .at("/$defs/Obligation/properties/state/x-extensible-enum");
    List<String> declared = new ArrayList<>();
    profile.at("/evaluation/states").forEach(s -> declared.add(s.get("code").asString()));
    assertThat(declared).containsExactlyElementsOf(strings(states));
  }

  @Test
  void inspectionTypesAreThoseOfTheInspectionSchema() {
    Set<String> types =
        Set.copyOf(strings(readJson(ROOT + "schemas/Inspection.json").at("/properties/type/enum")));
    for (JsonNode rule : profile.get("rules")) {
      JsonNode evidence = rule.get("evidence");
      if (evidence != null && "Inspection".equals(evidence.get("record").asString())
          && evidence.has("match") && evidence.get("match").has("type")) {
        assertThat(types).containsAll(strings(evidence.get("match").get("type")));
      }
      collect(rule, "inspectionTypes", node -> assertThat(types).containsAll(strings(node)));
    }
  }

  // --- the schema is strict ----------------------------------------------------------------

  static Stream<Arguments> brokenProfiles() {
    return Stream.<Arguments>of(
        broken("an unknown top-level property", p -> ((ObjectNode) p).put("extra", 1)),
        broken("an unknown rule property", p -> rule(p, "R-20").put("dueAt", "PT48H")),
        broken("a duration without P", p -> params(p, "R-20").put("within", "48H")),
        broken("a duration in days", p -> params(p, "R-20").put("within", "2 days")),
        broken("a mixed calendar and exact duration", p -> params(p, "R-20").put("within", "P1DT2H")),
        broken("a negative duration", p -> params(p, "R-22").put("maxGap", "-P7D")),
        broken("an empty duration", p -> params(p, "R-22").put("maxGap", "P")),
        broken("a malformed rule id", p -> rule(p, "R-20").put("id", "R-2")),
        broken("a rule without basis", p -> rule(p, "R-20").remove("basis")),
        broken("a rule with empty basis", p -> rule(p, "R-20").putArray("basis")),
        broken("a rule without title", p -> rule(p, "R-20").remove("title")),
        broken("an unknown kind", p -> rule(p, "R-20").put("kind", "SOMETIMES")),
        broken("a parameter foreign to the kind", p -> params(p, "R-20").put("maxGap", "P7D")),
        broken("a missing required parameter", p -> params(p, "R-20").remove("within")),
        broken("an obligation without states", p -> rule(p, "R-20").remove("states")),
        broken("states on a non-obligation", p -> rule(p, "R-01").putArray("states").add("MET")),
        broken("an unknown state", p -> rule(p, "R-20").withArrayProperty("states").add("LATE")),
        broken("an unknown anchor policy", p -> params(p, "R-20").withObjectProperty("anchor").put("policy", "ANY")),
        broken("an anchor on an undefined kind of fact", p -> params(p, "R-20").withObjectProperty("anchor").withArrayProperty("of").add("site.openedAt")),
        broken("a code list that does not exist", p -> params(p, "R-20").withObjectProperty("mustCover").put("valuesFrom", "helmets")),
        broken("a ratio above 1", p -> params(p, "R-02").withObjectProperty("ratio").put("max", 21)),
        broken("a report without a time limit", p -> ((ObjectNode) params(p, "R-30").withArrayProperty("actions").get(3)).remove("within")),
        broken("a sub-district code of 6 digits", p -> ((ObjectNode) p.at("/reference/subdistricts/entries/0")).put("code", "440304")),
        broken("a version that is not semantic", p -> ((ObjectNode) p).put("version", "2025")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenProfiles")
  void schemaRejects(String what, Consumer<JsonNode> breakIt) {
    JsonNode copy = profile.deepCopy();
    breakIt.accept(copy);
    assertThat(schema.validate(copy)).as(what).isNotEmpty();
  }

  // --- helpers ------------------------------------------------------------------------------

  private static Arguments broken(String what, Consumer<JsonNode> breakIt) {
    return Arguments.of(what, breakIt);
  }

  private static List<String> ruleIds() {
    List<String> ids = new ArrayList<>();
    profile.get("rules").forEach(rule -> ids.add(rule.get("id").asString()));
    return ids;
  }

  private static ObjectNode rule(JsonNode root, String id) {
    for (JsonNode rule : root.get("rules")) {
      if (id.equals(rule.get("id").asString())) {
        return (ObjectNode) rule;
      }
    }
    throw new AssertionError("no rule " + id);
  }

  private static ObjectNode params(JsonNode root, String id) {
    return (ObjectNode) rule(root, id).get("parameters");
  }

  private static String text(JsonNode node, String property) {
    JsonNode value = node.get(property);
    return value == null ? "" : value.asString();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }

  /** Calls {@code action} with the pointer and value of every string in the tree. */
  private static void collectStrings(
      JsonNode node, String pointer, java.util.function.BiConsumer<String, String> action) {
    if (node.isString()) {
      action.accept(pointer, node.asString());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectStrings(node.get(i), pointer + "/" + i, action);
      }
    } else if (node.isObject()) {
      node.forEachEntry((name, child) -> collectStrings(child, pointer + "/" + name, action));
    }
  }

  /** Calls {@code action} with the value of every property named {@code property} in the tree. */
  private static void collect(JsonNode node, String property, Consumer<JsonNode> action) {
    if (node.isArray()) {
      node.forEach(child -> collect(child, property, action));
    } else if (node.isObject()) {
      node.forEachEntry(
          (name, child) -> {
            if (name.equals(property)) {
              action.accept(child);
            }
            collect(child, property, action);
          });
    }
  }

  private static JsonNode readYaml(String resource) {
    try (InputStream in = open(resource)) {
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readJson(String resource) {
    try (InputStream in = open(resource)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = RuleProfileTest.class.getClassLoader().getResourceAsStream(resource);
    assertNotNull(in, () -> resource + " is not on the class path");
    return in;
  }
}
