// Build step (run by exec-maven-plugin before openapi-generator): derives the generator's view of
// the contract from an unpacked copy of capillary-spec. It never touches spec/ itself and changes
// no accepted body; it only reshapes what openapi-generator 7.25.0 cannot read:
//
//  1. AlertEvent.json validates `data` with an if/then/else chain on `type` (one error per bad
//     field). The file's $defs carry the same two shapes as closed variants for generators
//     (AiAlertEvent, ElectricityAlarmEvent). Here AlertEvent becomes
//     oneOf [AiAlertEvent, ElectricityAlarmEvent] with discriminator `type`, so publishAlert,
//     publishAlertBatch and listAlerts get typed events instead of `Object data`.
//  2. An allOf whose members carry only if/then/else (conditional requirements such as "MAJOR
//     needs majorCriterionRef") makes the generator give up on the whole object (List<Object>).
//     Such members are dropped: the gateway still enforces them, the SDK just does not model them.
//  3. Numeric enums (the LEC scores 0.5, 1, 3 ...) generate uncompilable Java enums
//     (BigDecimal.valueOf(BigDecimal)); the generator sees them as plain numbers.
//
// Usage: java -cp <jackson-databind> PrepareGeneratorInput.java <unpacked capillary/spec dir>
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

public class PrepareGeneratorInput {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> CONDITIONAL_ONLY = Set.of("if", "then", "else", "description", "$comment");

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    Path schemas = root.resolve("schemas");
    int dropped = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(schemas)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode doc = JSON.readTree(file.toFile());
      int n = dropConditionalAllOf(doc) + dropNumericEnums(doc);
      if (file.getFileName().toString().equals("AlertEvent.json")) {
        doc = alertEventAsOneOf((ObjectNode) doc);
      }
      // The generator's parser tries to fetch every $id over the network ("unable to read
      // capillary.dev", once per reference); without $id it resolves the relative refs on disk.
      ((ObjectNode) doc).remove("$id");
      JSON.writeValue(file.toFile(), doc);
      dropped += n;
    }
    System.out.println("[generator view] AlertEvent as oneOf; dropped " + dropped + " conditional allOf members and numeric enums");
  }

  private static ObjectNode alertEventAsOneOf(ObjectNode alertEvent) {
    ObjectNode defs = (ObjectNode) alertEvent.get("$defs");
    require(defs != null && defs.has("AiAlertEvent") && defs.has("ElectricityAlarmEvent"),
        "AlertEvent.json no longer has $defs/AiAlertEvent and $defs/ElectricityAlarmEvent");
    ObjectNode view = JsonNodeFactory.instance.objectNode();
    for (String keep : List.of("$schema", "$id", "title", "description")) {
      if (alertEvent.has(keep)) {
        view.set(keep, alertEvent.get(keep));
      }
    }
    ArrayNode oneOf = view.putArray("oneOf");
    oneOf.addObject().put("$ref", "#/$defs/AiAlertEvent");
    oneOf.addObject().put("$ref", "#/$defs/ElectricityAlarmEvent");
    ObjectNode discriminator = view.putObject("discriminator");
    discriminator.put("propertyName", "type");
    ObjectNode mapping = discriminator.putObject("mapping");
    // Mapped to model names: the generator cannot resolve "#/$defs/..." inside an external file.
    mapping.put(singleEnum(defs, "AiAlertEvent"), "AiAlertEvent");
    mapping.put(singleEnum(defs, "ElectricityAlarmEvent"), "ElectricityAlarmEvent");
    for (String variant : List.of("AiAlertEvent", "ElectricityAlarmEvent")) {
      // Extension attributes (patternProperties) cannot be modelled by the generator; they stay
      // accepted by the gateway, and the SDK can add them later through additionalProperties.
      ((ObjectNode) defs.get(variant)).remove("patternProperties");
      ((ObjectNode) defs.get(variant)).put("title", variant);
    }
    view.set("$defs", defs);
    return view;
  }

  private static String singleEnum(ObjectNode defs, String variant) {
    JsonNode values = defs.path(variant).path("properties").path("type").path("enum");
    require(values.isArray() && values.size() == 1, variant + ".type must be a one-value enum");
    return values.get(0).asText();
  }

  private static int dropConditionalAllOf(JsonNode node) {
    int dropped = 0;
    if (node.isObject()) {
      JsonNode allOf = node.get("allOf");
      if (allOf != null && allOf.isArray() && node.has("properties")) {
        for (Iterator<JsonNode> it = allOf.elements(); it.hasNext(); ) {
          JsonNode member = it.next();
          if (member.isObject() && member.has("if") && onlyConditional(member)) {
            it.remove();
            dropped++;
          }
        }
        if (allOf.isEmpty()) {
          ((ObjectNode) node).remove("allOf");
        }
      }
      for (JsonNode child : node) {
        dropped += dropConditionalAllOf(child);
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        dropped += dropConditionalAllOf(child);
      }
    }
    return dropped;
  }

  private static int dropNumericEnums(JsonNode node) {
    int dropped = 0;
    if (node.isObject()) {
      JsonNode type = node.get("type");
      JsonNode values = node.get("enum");
      if (type != null && ("number".equals(type.asText()) || "integer".equals(type.asText()))
          && values != null && values.isArray()) {
        ((ObjectNode) node).remove("enum");
        dropped++;
      }
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        dropped += dropNumericEnums(child);
      }
    }
    return dropped;
  }

  private static boolean onlyConditional(JsonNode member) {
    for (Iterator<String> names = member.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!CONDITIONAL_ONLY.contains(name) && !name.startsWith("x-")) {
        return false;
      }
    }
    return true;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("generator view: " + message);
    }
  }
}
