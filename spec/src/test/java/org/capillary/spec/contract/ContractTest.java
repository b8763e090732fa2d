package org.capillary.spec.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContractTest {

  private final Contract contract = Contract.load();

  @Test
  void matchesTemplatesAndDecodesParameters() {
    OperationMatch m = contract.match("POST", "/v1/projects/FT-2026%2D0001/inspections").orElseThrow();
    assertThat(m.operation().operationId()).isEqualTo("submitInspection");
    assertThat(m.pathParameters()).containsEntry("projectId", "FT-2026-0001");
  }

  @Test
  void literalSegmentsWinOverParameters() {
    assertThat(contract.match("POST", "/v1/alerts/batch").orElseThrow().operation().operationId())
        .isEqualTo("publishAlertBatch");
    assertThat(contract.match("POST", "/v1/alerts").orElseThrow().operation().operationId()).isEqualTo("publishAlert");
  }

  @Test
  void wrongMethodOrUnknownPathDoesNotMatch() {
    assertThat(contract.match("DELETE", "/v1/policies")).isEmpty();
    assertThat(contract.hasPath("/v1/policies")).isTrue();
    assertThat(contract.match("POST", "/v1/nothing")).isEmpty();
    assertThat(contract.hasPath("/v1/nothing")).isFalse();
    assertThat(contract.match("POST", "/v1/projects/a/b/inspections")).isEmpty();
  }

  @Test
  void knowsWritesAndTheirSchemas() {
    Operation op = contract.operation("submitInspection").orElseThrow();
    assertThat(op.isWrite()).isTrue();
    assertThat(op.requestSchema()).isEqualTo("schemas/Inspection.json");
    assertThat(op.roles()).containsExactly("INSURER");
    assertThat(contract.operation("getProject").orElseThrow().isWrite()).isFalse();
    assertThat(contract.operation("appendUploadChunk").orElseThrow().hasJsonBody()).isFalse();
    assertThat(contract.version()).isEqualTo("1.0.0");
  }
}
