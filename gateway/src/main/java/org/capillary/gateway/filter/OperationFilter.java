package org.capillary.gateway.filter;

import org.capillary.gateway.error.ProblemException;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.contract.OperationMatch;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Resolves which contract operation a request is, from the published {@code openapi.yaml}. A path
 * the contract does not have is NOT_FOUND; a known path with another method is METHOD_NOT_ALLOWED.
 * The actuator endpoints are outside the contract and pass through untouched.
 */
@Component
@Order(FilterOrder.OPERATION)
public class OperationFilter implements WebFilter {

  private final Contract contract;

  /**
   * @param contract the published contract
   */
  public OperationFilter(Contract contract) {
    this.contract = contract;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getURI().getRawPath();
    if (path.startsWith("/actuator/") || path.equals("/actuator")) {
      return chain.filter(exchange);
    }
    String method = exchange.getRequest().getMethod().name();
    OperationMatch match = contract.match(method, path).orElse(null);
    if (match == null) {
      return Mono.error(contract.hasPath(path)
          ? new ProblemException("METHOD_NOT_ALLOWED", method + " is not defined for this resource")
          : new ProblemException("NOT_FOUND", null));
    }
    RequestContext.of(exchange).operation(match);
    return chain.filter(exchange);
  }
}
