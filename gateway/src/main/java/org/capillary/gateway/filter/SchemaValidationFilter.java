package org.capillary.gateway.filter;

import java.util.List;
import org.capillary.gateway.error.ProblemException;
import org.capillary.spec.contract.Operation;
import org.capillary.spec.validation.ContractValidator;
import org.capillary.spec.validation.Violation;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Step 7: the body against the operation's JSON Schema from the spec jar, identifier formats and
 * check digits included. Every violation is returned, each with its JSON pointer and code.
 */
@Component
@Order(FilterOrder.VALIDATION)
public class SchemaValidationFilter implements WebFilter {

  private final ContractValidator validator;

  /**
   * @param validator the contract's validator
   */
  public SchemaValidationFilter(ContractValidator validator) {
    this.validator = validator;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    RequestContext ctx = RequestContext.find(exchange);
    if (ctx == null || ctx.operation() == null || ctx.json() == null) {
      return chain.filter(exchange);
    }
    Operation op = ctx.requireOperation().operation();
    return Mono.defer(() -> {
      check(validator, op, ctx.json());
      return chain.filter(exchange);
    });
  }

  /**
   * Validates a body, throwing VALIDATION_FAILED with every violation.
   *
   * @param validator the validator
   * @param op the operation
   * @param body the body
   */
  static void check(ContractValidator validator, Operation op, JsonNode body) {
    List<Violation> violations = validator.validate(op.operationId(), body);
    if (!violations.isEmpty()) {
      throw new ProblemException("VALIDATION_FAILED", violations.size() + " violation(s) of the "
          + op.operationId() + " schema", violations, java.util.Map.of(), java.util.Map.of());
    }
  }
}
