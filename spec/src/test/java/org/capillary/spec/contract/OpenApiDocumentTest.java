package org.capillary.spec.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capillary.spec.SpecFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The published OpenAPI document: parses, resolves, and declares what every operation must. */
class OpenApiDocumentTest {

  private static JsonNode doc;
  private static Set<String> problemCodes;

  @BeforeAll
  static void load() {
    doc = SpecFiles.readYaml("openapi.yaml");
    problemCodes = new TreeSet<>();
    SpecFiles.readYaml("problem-codes.yaml").path("problems").forEach(p -> problemCodes.add(p.path("code").asString()));
  }

  @Test
  void parsesAndResolvesEveryReference() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readLocation(SpecFiles.root().resolve("openapi.yaml").toUri().toString(), null, options);
    assertThat(result.getMessages()).as("parser messages").isEmpty();
    OpenAPI api = result.getOpenAPI();
    assertThat(api).isNotNull();
    assertThat(api.getOpenapi()).startsWith("3.1");
    assertThat(api.getPaths()).isNotEmpty();
  }

  @Test
  void everyFileReferenceExists() {
    List<String> missing = new ArrayList<>();
    collectRefs(doc, missing);
    assertThat(missing).as("references to files that do not exist").isEmpty();
  }

  private static void collectRefs(JsonNode node, List<String> missing) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isString() && ref.asString().startsWith("./")) {
        String file = ref.asString().substring(2).replaceAll("#.*$", "");
        if (!SpecFiles.root().resolve(file).toFile().isFile()) {
          missing.add(ref.asString());
        }
      }
      node.forEach(child -> collectRefs(child, missing));
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, missing));
    }
  }

  @Test
  void everyOperationHasRequirementIdsAndRoles() {
    Contract contract = Contract.load();
    assertThat(contract.operations()).hasSizeGreaterThanOrEqualTo(30);
    for (Operation op : contract.operations().values()) {
      assertThat(op.requirementIds()).as(op.operationId() + " x-req").isNotEmpty();
      assertThat(op.requirementIds()).as(op.operationId() + " x-req form").allMatch(id -> id.matches("^(CAP-[A-Z]{2,4}-[0-9]{2}|R-[0-9]{2})$"));
      assertThat(op.roles()).as(op.operationId() + " x-roles").isNotEmpty();
    }
  }

  @Test
  void everyWriteDeclaresSignatureIdempotencyAndRequestIdHeaders() {
    Contract contract = Contract.load();
    List<Operation> writes = contract.operations().values().stream().filter(Operation::isWrite).toList();
    assertThat(writes).hasSizeGreaterThanOrEqualTo(20);
    for (Operation op : writes) {
      JsonNode params = operationNode(op).path("parameters");
      Set<String> refs = new TreeSet<>();
      params.forEach(p -> refs.add(p.path("$ref").asString("")));
      assertThat(refs).as(op.operationId()).contains(
          "#/components/parameters/CapillarySignature",
          "#/components/parameters/IdempotencyKey",
          "#/components/parameters/RequestId");
    }
    assertThat(doc.at("/components/parameters/CapillarySignature/required").asBoolean()).isTrue();
    assertThat(doc.at("/components/parameters/IdempotencyKey/required").asBoolean()).isTrue();
  }

  @Test
  void everyOperationAnswersErrorsWithProblemDocuments() {
    Contract contract = Contract.load();
    for (Operation op : contract.operations().values()) {
      JsonNode responses = operationNode(op).path("responses");
      List<String> errorStatuses = new ArrayList<>();
      responses.propertyNames().forEach(s -> {
        if (s.startsWith("4") || s.startsWith("5")) {
          errorStatuses.add(s);
          JsonNode resolved = resolve(responses.get(s));
          assertThat(resolved.at("/content/application~1problem+json/schema/$ref").asString(""))
              .as(op.operationId() + " " + s).isEqualTo("./schemas/Problem.json");
        }
      });
      assertThat(errorStatuses).as(op.operationId() + " declares problem responses").isNotEmpty();
      if (op.isWrite()) {
        assertThat(errorStatuses).as(op.operationId()).contains("401", "403", "429");
        if (op.hasJsonBody()) {
          assertThat(errorStatuses).as(op.operationId()).contains("422");
        }
      }
    }
  }

  @Test
  void tooManyRequestsCarriesRetryAfterAndRateLimitHeaders() {
    JsonNode headers = doc.at("/components/responses/TooManyRequests/headers");
    assertThat(headers.has("Retry-After")).isTrue();
    assertThat(headers.has("RateLimit")).isTrue();
    assertThat(headers.has("RateLimit-Policy")).isTrue();
  }

  @Test
  void everyCodeNamedInResponsesIsRegistered() {
    Pattern code = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    Set<String> named = new TreeSet<>();
    doc.at("/components/responses").forEach(r -> {
      Matcher m = code.matcher(r.path("description").asString(""));
      while (m.find()) {
        named.add(m.group());
      }
    });
    named.removeIf(n -> n.startsWith("SIGNATURE_") && n.length() == "SIGNATURE_".length());
    assertThat(named).isNotEmpty();
    assertThat(problemCodes).containsAll(named);
  }

  private static JsonNode operationNode(Operation op) {
    return doc.path("paths").path(op.pathTemplate()).path(op.method().toLowerCase(java.util.Locale.ROOT));
  }

  private static JsonNode resolve(JsonNode maybeRef) {
    String ref = maybeRef.path("$ref").asString("");
    return ref.startsWith("#/") ? doc.at(ref.substring(1)) : maybeRef;
  }
}
