package org.capillary.gateway.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capillary.gateway.jws.TestSigning.A;
import static org.capillary.gateway.jws.TestSigning.BODY;
import static org.capillary.gateway.jws.TestSigning.ED25519_A;
import static org.capillary.gateway.jws.TestSigning.ES256_A;
import static org.capillary.gateway.jws.TestSigning.IDK;
import static org.capillary.gateway.jws.TestSigning.PATH;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.filter.RequestContext;
import org.capillary.spec.contract.Operation;
import org.capillary.spec.contract.OperationMatch;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class JwsAuthenticationFilterTest {

  private static final Operation CREATE_INSPECTION = new Operation("createInspection", "POST",
      "/v1/projects/{projectId}/inspections", List.of("INSURER"), List.of("CAP-INS-04"),
      "schemas/Inspection.json", List.of("application/json"), "path:projectId");
  private static final Operation GET_INSPECTION = new Operation("getInspection", "GET",
      "/v1/projects/{projectId}/inspections/{inspectionId}", List.of("INSURER"), List.of(), null, List.of(), null);
  private static final Operation PUBLIC_JWKS = new Operation("getJwks", "GET", "/.well-known/jwks.json",
      List.of("PUBLIC"), List.of(), null, List.of(), null);

  private final JwsAuthenticationFilter filter =
      new JwsAuthenticationFilter(new RequestSignatureVerifier(TestSigning.directory()));
  private final AtomicBoolean chained = new AtomicBoolean();
  private final WebFilterChain chain = exchange -> {
    chained.set(true);
    return Mono.empty();
  };

  @Test
  void hasTheSignatureOrder() {
    assertThat(JwsAuthenticationFilter.ORDER).isEqualTo(org.capillary.gateway.filter.FilterOrder.SIGNATURE);
  }

  @Test
  void validSignatureAuthenticatesTheConnector() {
    SignedRequest signed = TestSigning.post(ES256_A, "ES256");
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post(PATH)
        .header("Capillary-Signature", signed.signature())
        .header("Idempotency-Key", IDK)
        .header("Content-Digest", signed.contentDigest())
        .body(new String(BODY, java.nio.charset.StandardCharsets.UTF_8)));
    RequestContext ctx = context(exchange, CREATE_INSPECTION, BODY);

    StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

    assertThat(chained).isTrue();
    assertThat(ctx.connector()).isEqualTo(A);
    assertThat(ctx.requireSignature().kid()).isEqualTo("a-es256");
    assertThat(ctx.requireSignature().headerValue()).isEqualTo(signed.signature());
  }

  @Test
  void rawPathAndQueryAreVerifiedAsSent() {
    String target = PATH + "/INS%3A2026%3A0042?fields=results%2Cstatus";
    byte[] empty = new byte[0];
    String value = TestSigning.sign(TestSigning.json(TestSigning.header("EdDSA", "a-ed25519", "GET", target, empty, null)),
        empty, ED25519_A, "EdDSA");
    MockServerWebExchange exchange = MockServerWebExchange.from(
        MockServerHttpRequest.method(HttpMethod.GET, URI.create(target)).header("Capillary-Signature", value));
    RequestContext ctx = context(exchange, GET_INSPECTION, empty);

    StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

    assertThat(ctx.requireConnector()).isEqualTo(A);
  }

  @Test
  void missingSignatureEndsTheExchange() {
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post(PATH).header("Idempotency-Key", IDK));
    RequestContext ctx = context(exchange, CREATE_INSPECTION, BODY);

    StepVerifier.create(filter.filter(exchange, chain))
        .expectErrorSatisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("SIGNATURE_MISSING"))
        .verify();

    assertThat(chained).isFalse();
    assertThat(ctx.connector()).isNull();
  }

  @Test
  void repeatedSignatureFieldIsMalformed() {
    String value = TestSigning.post(ES256_A, "ES256").signature();
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post(PATH)
        .header("Capillary-Signature", value, value)
        .header("Idempotency-Key", IDK));
    context(exchange, CREATE_INSPECTION, BODY);

    StepVerifier.create(filter.filter(exchange, chain))
        .expectErrorSatisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("SIGNATURE_MALFORMED"))
        .verify();
    assertThat(chained).isFalse();
  }

  @Test
  void publicOperationsAndRequestsOutsideTheContractPassUnsigned() {
    MockServerWebExchange jwks = MockServerWebExchange.from(MockServerHttpRequest.get("/.well-known/jwks.json"));
    context(jwks, PUBLIC_JWKS, new byte[0]);
    StepVerifier.create(filter.filter(jwks, chain)).verifyComplete();
    assertThat(chained).isTrue();

    chained.set(false);
    MockServerWebExchange actuator = MockServerWebExchange.from(MockServerHttpRequest.get("/actuator/health"));
    RequestContext.create(actuator, "req-2");
    StepVerifier.create(filter.filter(actuator, chain)).verifyComplete();
    assertThat(chained).isTrue();
  }

  private static RequestContext context(MockServerWebExchange exchange, Operation operation, byte[] body) {
    RequestContext ctx = RequestContext.create(exchange, "req-1");
    ctx.operation(new OperationMatch(operation, Map.of()));
    ctx.body(body);
    return ctx;
  }
}
