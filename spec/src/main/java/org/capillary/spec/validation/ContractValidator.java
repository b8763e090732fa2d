package org.capillary.spec.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.contract.Operation;
import org.capillary.spec.format.Formats;
import tools.jackson.databind.JsonNode;

/**
 * Validates request bodies against the contract's JSON Schemas, with the contract's identifier
 * formats (check digits included), and reports every violation with its JSON pointer and stable
 * code.
 *
 * <p>Thread-safe; create one per process with {@link #create(Contract)} and share it. Schemas are
 * compiled once per operation on first use and cached. Nothing is fetched from the network: the
 * schema {@code $id}s under {@link Contract#ID_BASE} resolve to the class path.
 */
public final class ContractValidator {

  /** The contract's own annotation keywords: documentation and traceability, never assertions. */
  private static final List<String> ANNOTATIONS =
      List.of("x-req", "x-enum-descriptions", "x-extensible-enum", "x-roles", "x-subject");

  private final Contract contract;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private ContractValidator(Contract contract, SchemaRegistry registry) {
    this.contract = contract;
    this.registry = registry;
  }

  /**
   * Creates a validator for a contract, with the contract's formats asserted.
   *
   * @param contract the contract
   * @return the validator
   */
  public static ContractValidator create(Contract contract) {
    Dialect dialect = Dialect.builder(Dialects.getDraft202012())
        .formats(formats -> Formats.validators().forEach((name, check) -> formats.put(name, new PredicateFormat(name, check))))
        .keywords(ANNOTATIONS.stream().map(AnnotationKeyword::new).toList())
        .build();
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .formatAssertionsEnabled(true)
        .pathType(PathType.JSON_POINTER)
        .build();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect, b -> b
        .schemaRegistryConfig(config)
        .schemaIdResolvers(r -> r.mapPrefix(Contract.ID_BASE, "classpath:" + Contract.RESOURCE_ROOT)));
    return new ContractValidator(contract, registry);
  }

  /**
   * Validates the body of an operation.
   *
   * @param operationId the operation
   * @param body the parsed body
   * @return every violation, empty if the body is valid
   * @throws IllegalArgumentException if the operation is unknown or has no JSON body
   */
  public List<Violation> validate(String operationId, JsonNode body) {
    return toViolations(schemaFor(operationId).validate(body));
  }

  /**
   * Validates a value against a schema file of the contract.
   *
   * @param schemaFile path below the spec root, e.g. {@code schemas/Inspection.json}
   * @param value the value
   * @return every violation, empty if valid
   */
  public List<Violation> validateAgainst(String schemaFile, JsonNode value) {
    Schema schema = schemas.computeIfAbsent("file:" + schemaFile, k -> load(schemaFile));
    return toViolations(schema.validate(value));
  }

  /**
   * Compiles every operation's schema now, so that the first request does not pay for it and a
   * broken contract fails at start-up.
   */
  public void preload() {
    contract.operations().values().stream().filter(Operation::hasJsonBody).forEach(op -> schemaFor(op.operationId()));
  }

  private Schema schemaFor(String operationId) {
    return schemas.computeIfAbsent(operationId, id -> {
      Operation op = contract.operation(id).orElseThrow(() -> new IllegalArgumentException("unknown operation " + id));
      if (op.requestSchema() == null) {
        throw new IllegalArgumentException(id + " has no JSON body");
      }
      return load(op.requestSchema());
    });
  }

  private Schema load(String schemaFile) {
    Schema schema = registry.getSchema(SchemaLocation.of(Contract.ID_BASE + schemaFile));
    schema.initializeValidators();
    return schema;
  }

  private static List<Violation> toViolations(List<Error> errors) {
    Map<String, Violation> unique = new LinkedHashMap<>();
    for (Error e : errors) {
      Violation v = toViolation(e);
      unique.putIfAbsent(v.pointer() + " " + v.code(), v);
    }
    return new ArrayList<>(unique.values());
  }

  private static Violation toViolation(Error e) {
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    String pointer = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
    String code;
    switch (keyword) {
      case "required", "dependentRequired", "additionalProperties", "unevaluatedProperties" -> {
        code = ViolationCodes.forKeyword(keyword);
        if (e.getProperty() != null) {
          pointer = pointer + "/" + escape(e.getProperty());
        }
      }
      case "format" -> code = ViolationCodes.forFormat(e.getSchemaNode() == null ? "" : e.getSchemaNode().asString(""));
      default -> code = ViolationCodes.forKeyword(keyword);
    }
    return new Violation(pointer, code, e.getMessage() == null ? code : e.getMessage());
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** A named format backed by a predicate over strings; non-strings are left to {@code type}. */
  private record PredicateFormat(String name, Predicate<String> check) implements Format {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean matches(com.networknt.schema.ExecutionContext ctx, String value) {
      return check.test(value);
    }
  }

  /** Exposed for tests: the specification version the contract's schemas use. */
  static SpecificationVersion specificationVersion() {
    return SpecificationVersion.DRAFT_2020_12;
  }
}
