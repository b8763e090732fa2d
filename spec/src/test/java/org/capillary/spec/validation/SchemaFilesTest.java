package org.capillary.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.capillary.spec.SpecFiles;
import org.capillary.spec.contract.Contract;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/** Every schema file is a valid 2020-12 schema with the $id its location implies, and compiles. */
class SchemaFilesTest {

  @TestFactory
  Stream<DynamicTest> everySchemaIsWellFormed() {
    var meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    ContractValidator validator = ContractValidator.create(Contract.load());
    return SpecFiles.list("schemas", ".json").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      JsonNode schema = SpecFiles.readJson(file);
      String name = file.getFileName().toString();
      assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(schema.path("$id").asString()).isEqualTo(Contract.ID_BASE + "schemas/" + name);
      assertThat(meta.validate(schema)).as("meta-schema violations").isEmpty();
      // Compiling resolves every $ref; validating null exercises the whole tree without a network.
      validator.validateAgainst("schemas/" + name, SpecFiles.JSON.nullNode());
    }));
  }

  static Path root() {
    return SpecFiles.root();
  }
}
