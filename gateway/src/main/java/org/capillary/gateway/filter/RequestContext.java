package org.capillary.gateway.filter;

import java.util.Objects;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.jws.VerifiedSignature;
import org.capillary.spec.contract.OperationMatch;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;
import tools.jackson.databind.JsonNode;

/**
 * What the pipeline has learnt about one request, kept as an exchange attribute. Each filter
 * fills in its part, in {@link FilterOrder}; later filters and the handler read it. Not
 * thread-safe, and need not be: one exchange is processed by one chain at a time.
 */
public final class RequestContext {

  private static final String ATTRIBUTE = RequestContext.class.getName();

  private final String requestId;
  private @Nullable OperationMatch operation;
  private byte @Nullable [] body;
  private @Nullable JsonNode json;
  private @Nullable String contentDigest;
  private @Nullable VerifiedSignature signature;
  private @Nullable Connector connector;
  private @Nullable String subjectProject;

  private RequestContext(String requestId) {
    this.requestId = requestId;
  }

  /**
   * Creates the context of an exchange. Called once, by {@link RequestIdFilter}.
   *
   * @param exchange the exchange
   * @param requestId its request id
   * @return the new context
   */
  public static RequestContext create(ServerWebExchange exchange, String requestId) {
    RequestContext ctx = new RequestContext(requestId);
    exchange.getAttributes().put(ATTRIBUTE, ctx);
    return ctx;
  }

  /**
   * The context of an exchange.
   *
   * @param exchange the exchange
   * @return its context
   * @throws IllegalStateException if {@link RequestIdFilter} has not run
   */
  public static RequestContext of(ServerWebExchange exchange) {
    RequestContext ctx = exchange.getAttribute(ATTRIBUTE);
    if (ctx == null) {
      throw new IllegalStateException("RequestIdFilter has not run");
    }
    return ctx;
  }

  /** The context, or null when the exchange never entered the pipeline. */
  public static @Nullable RequestContext find(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }

  public String requestId() {
    return requestId;
  }

  public @Nullable OperationMatch operation() {
    return operation;
  }

  /** The matched operation; only after {@link OperationFilter}. */
  public OperationMatch requireOperation() {
    return Objects.requireNonNull(operation, "operation not resolved");
  }

  public void operation(OperationMatch operation) {
    this.operation = operation;
  }

  /** The exact body bytes as received (empty for requests without a body). */
  public byte[] body() {
    return body == null ? new byte[0] : body;
  }

  public void body(byte[] body) {
    this.body = body;
  }

  /** The parsed JSON body, for operations with a JSON body; after {@link GuardFilter}. */
  public @Nullable JsonNode json() {
    return json;
  }

  public void json(JsonNode json) {
    this.json = json;
  }

  /** The RFC 9530 Content-Digest value of {@link #body()}. */
  public @Nullable String contentDigest() {
    return contentDigest;
  }

  public void contentDigest(String contentDigest) {
    this.contentDigest = contentDigest;
  }

  public @Nullable VerifiedSignature signature() {
    return signature;
  }

  /** The verified signature; only after the signature filter. */
  public VerifiedSignature requireSignature() {
    return Objects.requireNonNull(signature, "signature not verified");
  }

  public void signature(VerifiedSignature signature) {
    this.signature = signature;
  }

  public @Nullable Connector connector() {
    return connector;
  }

  /** The authenticated connector; only after the signature filter. */
  public Connector requireConnector() {
    return Objects.requireNonNull(connector, "connector not authenticated");
  }

  public void connector(Connector connector) {
    this.connector = connector;
  }

  /** The project a write is about, where the operation has one; after {@link AuthorizationFilter}. */
  public @Nullable String subjectProject() {
    return subjectProject;
  }

  public void subjectProject(@Nullable String subjectProject) {
    this.subjectProject = subjectProject;
  }
}
