package org.capillary.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.validation.ContractValidator;
import org.capillary.spec.validation.Violation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * The contract's JSON Schema check of one request body ({@link ContractValidator}, networknt, with
 * the identifier formats and their check digits), on the parsed body as the gateway's validation
 * filter gives it; and the same with the parse of the raw bytes included. Per operation: the
 * inspection is the contract's full example (3,688 bytes); the others are each operation's first
 * valid example in spec/examples.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SchemaValidationBenchmark {

  /** The operation whose body is validated. */
  @Param({"submitInspection", "registerPolicy", "submitRiskAssessment", "publishAlert", "publishAlertBatch",
      "submitRectification", "submitDrill"})
  public String operation = Fixtures.OPERATION;

  private ContractValidator validator;
  private byte[] body;
  private JsonNode json;

  /** The validator with every schema compiled, and the body: once per benchmark run. */
  @Setup
  public void setUp() {
    validator = ContractValidator.create(Contract.load());
    validator.preload();
    body = operation.equals(Fixtures.OPERATION) ? Fixtures.inspectionBody() : Fixtures.firstValidBody(operation);
    json = Fixtures.JSON.readTree(body);
    if (!validator.validate(operation, json).isEmpty()) {
      throw new IllegalStateException("the example no longer validates: " + validator.validate(operation, json));
    }
  }

  /** Validation of the parsed inspection. */
  @Benchmark
  public List<Violation> validate() {
    return validator.validate(operation, json);
  }

  /** Jackson parse of the bytes, then validation. */
  @Benchmark
  public List<Violation> parseAndValidate() {
    return validator.validate(operation, Fixtures.JSON.readTree(body));
  }
}
