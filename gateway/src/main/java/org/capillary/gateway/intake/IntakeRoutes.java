package org.capillary.gateway.intake;

import org.capillary.spec.contract.Contract;
import org.capillary.spec.contract.Operation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes every write operation of the contract that carries a JSON body to the {@link
 * IntakeHandler}. The routes come from {@code openapi.yaml}, so a new write operation in the
 * contract is accepted without code here (its effects, if any, are separate beans).
 */
@Configuration(proxyBeanMethods = false)
public class IntakeRoutes {

  /**
   * JSON writes with their own handler instead of the intake. None at present: createUpload's
   * declaration is a signed record stored like any write (its upload row is the media package's
   * effect, its tus headers the media package's filter); the tus chunk, offset, termination and
   * media read endpoints are routed by {@code org.capillary.gateway.media.MediaConfiguration}.
   */
  static final java.util.Set<String> MEDIA_OPERATIONS = java.util.Set.of();

  /** One route per JSON write operation. */
  @Bean
  public RouterFunction<ServerResponse> intakeRouterFunction(Contract contract, IntakeHandler handler) {
    RouterFunctions.Builder routes = RouterFunctions.route();
    for (Operation op : contract.operations().values()) {
      if (op.isWrite() && op.hasJsonBody() && !MEDIA_OPERATIONS.contains(op.operationId())) {
        routes.route(RequestPredicates.method(HttpMethod.valueOf(op.method())).and(RequestPredicates.path(op.pathTemplate())),
            handler::handle);
      }
    }
    return routes.build();
  }
}
