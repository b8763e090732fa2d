package org.capillary.conformance.platform;

import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;
import org.capillary.spec.contract.Operation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the write-operations scenario observed.
 *
 * @param accepted every valid example sent, with its answer
 * @param refused every invalid example sent, with its answer and the contract's expectation
 * @param unexercised write operations not sent, each with the reason
 * @param jwks the gateway's published keys, or {@code null} if they could not be read
 * @param jwksExchange the exchange that read them
 * @param submissionRead a read of the first accepted submission, or {@code null}
 */
public record WriteRun(List<Attempt> accepted, List<Attempt> refused, List<String> unexercised, @Nullable JWKSet jwks,
    Exchange jwksExchange, @Nullable Exchange submissionRead) {

  /** Copies. */
  public WriteRun {
    accepted = List.copyOf(accepted);
    refused = List.copyOf(refused);
    unexercised = List.copyOf(unexercised);
  }

  /**
   * One example sent.
   *
   * @param operation the operation
   * @param example the example's name
   * @param connectorId who sent it
   * @param exchange what happened (status 0 when it could not be prepared)
   * @param expect the contract's expectation for an invalid example
   */
  public record Attempt(Operation operation, String example, String connectorId, Exchange exchange, JsonNode expect) {
    @Override
    public String toString() {
      return operation.operationId() + "/" + example;
    }
  }
}
