package org.capillary.gateway.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.store.AuthorizationStore;
import org.capillary.gateway.store.DeviceOwnership;
import org.capillary.gateway.store.ProjectCoverage;
import org.capillary.spec.contract.Operation;
import org.capillary.spec.contract.OperationMatch;
import org.capillary.spec.validation.ContractValidator;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Step 4: may this connector do this, to this subject? The connector's role must be one the
 * operation allows ({@code x-roles}); an insurer writes and reads only projects its own policies
 * cover; a device vendor publishes events only for devices it registered, on the project they are
 * registered to; a sub-district office reads only projects in its area. The subject comes from the
 * operation's {@code x-subject}. Fails closed: a write whose subject cannot be found is refused —
 * with the schema's own errors when the body is invalid, so the caller learns what to fix.
 */
@Component
@Order(FilterOrder.AUTHORIZATION)
public class AuthorizationFilter implements WebFilter {

  private static final java.util.Set<String> SUBJECT_REFUSALS =
      java.util.Set.of("PROJECT_NOT_COVERED", "DEVICE_NOT_OWNED", "UNKNOWN_PROJECT");

  private final AuthorizationStore store;
  private final ContractValidator validator;

  /**
   * @param store the coverage and device tables
   * @param validator the contract's validator, for bodies whose subject cannot be read
   */
  public AuthorizationFilter(AuthorizationStore store, ContractValidator validator) {
    this.store = store;
    this.validator = validator;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    RequestContext ctx = RequestContext.find(exchange);
    if (ctx == null || ctx.operation() == null || ctx.connector() == null) {
      return chain.filter(exchange);
    }
    return Mono.defer(() -> authorize(ctx))
        .onErrorResume(ProblemException.class, refusal -> validationFirst(ctx, refusal))
        .then(chain.filter(exchange));
  }

  /**
   * A write refused for its subject (not its role) whose body is also schema-invalid gets the
   * schema's errors: the caller has to fix those first, and they reveal nothing about other
   * tenants' projects or devices.
   */
  private Mono<Void> validationFirst(RequestContext ctx, ProblemException refusal) {
    JsonNode body = ctx.json();
    if (body != null && SUBJECT_REFUSALS.contains(refusal.code())) {
      SchemaValidationFilter.check(validator, ctx.requireOperation().operation(), body);
    }
    return Mono.error(refusal);
  }

  private Mono<Void> authorize(RequestContext ctx) {
    OperationMatch match = ctx.requireOperation();
    Operation op = match.operation();
    Connector connector = ctx.requireConnector();
    if (!connector.active()) {
      return Mono.error(new ProblemException("CONNECTOR_SUSPENDED", null));
    }
    if (!op.roles().contains(connector.role().name())) {
      return Mono.error(new ProblemException("OPERATION_NOT_PERMITTED",
          "the " + connector.role() + " role may not call " + op.operationId()));
    }
    String subject = op.subject();
    if (subject == null) {
      return Mono.empty();
    }
    if (subject.startsWith("path:")) {
      String projectId = match.pathParameters().get(subject.substring(5));
      ctx.subjectProject(projectId);
      return projectId == null ? Mono.empty() : checkProjectAccess(connector, projectId, op.isWrite());
    }
    if (subject.startsWith("policy:")) {
      String policyId = match.pathParameters().get(subject.substring(7));
      return store.insurerOfPolicy(policyId).flatMap(owner -> owner.filter(connector.connectorId()::equals).isPresent()
          ? Mono.<Void>empty()
          : Mono.error(new ProblemException("PROJECT_NOT_COVERED", "the policy is not one of this insurer's")));
    }
    JsonNode body = ctx.json();
    return switch (op.operationId()) {
      case "registerPolicy" -> {
        ctx.subjectProject(text(body == null ? null : body.at("/projects/0/projectId")));
        yield Mono.empty();
      }
      case "registerDevice" -> registerDevice(ctx, op, body);
      case "publishAlert" -> events(ctx, op, connector, body == null ? List.of() : List.of(body));
      case "publishAlertBatch" -> events(ctx, op, connector, elements(body));
      default -> Mono.error(new IllegalStateException("no authorisation rule for " + op.operationId() + " " + subject));
    };
  }

  private Mono<Void> checkProjectAccess(Connector connector, String projectId, boolean write) {
    return switch (connector.role()) {
      case OPERATOR -> Mono.empty();
      case INSURER -> store.coverage(projectId).flatMap(c -> c.filter(cov -> cov.insurerConnectorId().equals(connector.connectorId())).isPresent()
          ? Mono.<Void>empty()
          : Mono.error(new ProblemException("PROJECT_NOT_COVERED", "no policy of this insurer covers the project")));
      case SUBDISTRICT_OFFICE -> write
          ? Mono.error(new ProblemException("OPERATION_NOT_PERMITTED", null))
          : store.coverage(projectId).flatMap(c -> c.map(ProjectCoverage::subdistrictCode).filter(connector.subdistrictCodes()::contains).isPresent()
              ? Mono.<Void>empty()
              : Mono.error(new ProblemException("NOT_FOUND", null)));
      case DEVICE_VENDOR -> Mono.error(new ProblemException("OPERATION_NOT_PERMITTED", null));
    };
  }

  private Mono<Void> registerDevice(RequestContext ctx, Operation op, @Nullable JsonNode body) {
    String projectId = text(body == null ? null : body.get("projectId"));
    if (projectId == null) {
      return unresolved(op, body);
    }
    ctx.subjectProject(projectId);
    return store.coverage(projectId).flatMap(c -> c.isPresent()
        ? Mono.<Void>empty()
        : Mono.error(new ProblemException("UNKNOWN_PROJECT", "no policy has registered project " + projectId)));
  }

  private Mono<Void> events(RequestContext ctx, Operation op, Connector connector, List<JsonNode> events) {
    List<String[]> pairs = new ArrayList<>();
    for (JsonNode event : events) {
      String deviceId = text(event.at("/data/deviceId"));
      String subject = text(event.get("subject"));
      if (deviceId == null || subject == null) {
        return unresolved(op, ctx.json());
      }
      pairs.add(new String[] {deviceId, subject});
    }
    if (pairs.isEmpty()) {
      return unresolved(op, ctx.json());
    }
    ctx.subjectProject(pairs.stream().map(p -> p[1]).distinct().count() == 1 ? pairs.get(0)[1] : null);
    return Flux.fromIterable(pairs)
        .concatMap(p -> store.device(p[0]).flatMap(d -> checkDevice(connector, p[0], p[1], d)))
        .then();
  }

  private static Mono<Void> checkDevice(Connector connector, String deviceId, String subject, Optional<DeviceOwnership> device) {
    if (device.isEmpty() || !device.get().connectorId().equals(connector.connectorId())) {
      return Mono.error(new ProblemException("DEVICE_NOT_OWNED", "device " + deviceId + " is not registered to this connector"));
    }
    if (!device.get().projectId().equals(subject)) {
      return Mono.error(new ProblemException("DEVICE_NOT_OWNED", "device " + deviceId + " is registered on another project"));
    }
    return Mono.empty();
  }

  private Mono<Void> unresolved(Operation op, @Nullable JsonNode body) {
    if (body != null) {
      SchemaValidationFilter.check(validator, op, body);
    }
    return Mono.error(new ProblemException("OPERATION_NOT_PERMITTED", "the subject of the request cannot be determined"));
  }

  private static List<JsonNode> elements(@Nullable JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(out::add);
    }
    return out;
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    return node != null && node.isString() && !node.stringValue().isEmpty() ? node.stringValue() : null;
  }

}
