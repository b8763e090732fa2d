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
 * Routes every write operation of the contract to the {@link IntakeHandler}: those with a JSON
 * body to {@link IntakeHandler#handle}, those without one (DELETE of a resource, signed over the
 * empty body) to {@link IntakeHandler#handleWithoutBody}. The routes come from {@code
 * openapi.yaml}, so a new write operation in the contract is accepted without code here (its
 * effects, if any, are separate beans). Operations with a streamed body (tus) are the media
 * package's.
 */
@Configuration(proxyBeanMethods = false)
public class IntakeRoutes {

  /**
   * Writes with their own handler instead of the intake: the tus chunk, offset and termination
   * endpoints, routed by {@code org.capillary.gateway.media.MediaConfiguration}. createUpload's
   * declaration is a signed record stored like any write (its upload row is the media package's
   * effect, its tus headers the media package's filter).
   */
  static final java.util.Set<String> MEDIA_OPERATIONS = java.util.Set.of(
      "appendUploadChunk", "getUploadOffset", "cancelUpload");

  /** One route per write operation of the contract (but the media endpoints). */
  @Bean
  public RouterFunction<ServerResponse> intakeRouterFunction(Contract contract, IntakeHandler handler) {
    RouterFunctions.Builder routes = RouterFunctions.route();
    for (Operation op : contract.operations().values()) {
      if (!op.isWrite() || MEDIA_OPERATIONS.contains(op.operationId())) {
        continue;
      }
      if (op.hasJsonBody()) {
        routes.route(RequestPredicates.method(HttpMethod.valueOf(op.method())).and(RequestPredicates.path(op.pathTemplate())),
            handler::handle);
      } else if (op.requestContentTypes().isEmpty()) {
        routes.route(RequestPredicates.method(HttpMethod.valueOf(op.method())).and(RequestPredicates.path(op.pathTemplate())),
            handler::handleWithoutBody);
      }
    }
    return routes.build();
  }
}
