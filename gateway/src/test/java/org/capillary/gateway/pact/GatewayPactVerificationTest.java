package org.capillary.gateway.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.capillary.gateway.jws.ContentDigest;
import org.capillary.gateway.support.Scenario;
import org.capillary.gateway.support.SignedClient;
import org.capillary.gateway.support.SpecExamples;
import org.capillary.gateway.support.TestSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Provider side of the SDK ↔ gateway contract: replays every interaction the SDK's consumer tests
 * recorded ({@code sdk-java/src/test/java/org/capillary/sdk/pact}) against a real gateway on a
 * random port (embedded profile, fresh H2 folder) and checks each answer against what the SDK
 * expects.
 *
 * <p>Pact files: {@code ${capillary.pact.dir}}, default {@code ../sdk-java/target/pacts} (relative
 * to this module; the reactor builds sdk-java first, so {@code mvn verify} from the root has them).
 * No pact file is a FAILURE, not a skip: run the SDK's tests first, or point
 * {@code -Dcapillary.pact.dir} at a folder that has them.
 *
 * <p>Replayed requests carry the signature the SDK made when the pact was recorded, which the
 * gateway must refuse (stale {@code iat}, used {@code jti}, other key). Each request is therefore
 * re-signed here, per spec/SIGNING.md, with the demo key named by the recorded signature's
 * {@code kid}, over the exact body octets being sent (pact re-serialises JSON bodies), keeping the
 * recorded {@code Idempotency-Key}; {@code Content-Digest} is recomputed over the same octets.
 *
 * <p>Operations the gateway does not serve yet are listed in {@link #NOT_YET_SERVED}: for them the
 * test asserts today's answer (NOT_FOUND), so the day one is served the test fails until it is
 * removed from the list and verified like the others.
 */
@Provider("capillary-gateway")
@PactFolder("${capillary.pact.dir:../sdk-java/target/pacts}")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayPactVerificationTest {

  /** Interactions (by description) of operations that arrive with later issues: none at present. */
  static final Set<String> NOT_YET_SERVED = Set.of();

  private static final Path DATA_DIR;

  static {
    try {
      DATA_DIR = Files.createTempDirectory("capillary-pact-provider");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("capillary.gateway.data-dir", DATA_DIR::toString);
  }

  @LocalServerPort
  int port;

  private WebTestClient web() {
    return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
  }

  static Path pactDir() {
    return Path.of(System.getProperty("capillary.pact.dir", "../sdk-java/target/pacts"));
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    if (context != null) {
      context.setTarget(new HttpTestTarget("localhost", port));
    }
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context, ClassicHttpRequest request) throws Exception {
    byte[] body = resign(request);
    Interaction interaction = context.getInteraction();
    if (NOT_YET_SERVED.contains(interaction.getDescription())) {
      HttpResponse<String> answer = send(request, body);
      assertThat(answer.statusCode())
          .as("%s is served now (%s): remove it from NOT_YET_SERVED", interaction.getDescription(), answer.body())
          .isEqualTo(404);
      assertThat(answer.body()).contains("\"NOT_FOUND\"");
      return;
    }
    context.verifyInteraction();
  }

  // ------------------------------------------------------------------ re-signing

  /**
   * Signs the request afresh with the demo key of the recorded kid, over the octets it will send.
   *
   * @return the body octets
   */
  static byte[] resign(ClassicHttpRequest request) throws Exception {
    byte[] body = new byte[0];
    HttpEntity entity = request.getEntity();
    if (entity != null) {
      body = EntityUtils.toByteArray(entity);
      request.setEntity(new ByteArrayEntity(body, entity.getContentType() == null ? null
          : ContentType.parse(entity.getContentType())));
    }
    URI uri = request.getUri();
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Header recorded = request.getFirstHeader("Capillary-Signature");
    if (recorded == null) {
      return body;  // public: the gateway's JWK Set
    }
    String kid = SignedClient.JSON.readTree(Base64.getUrlDecoder().decode(recorded.getValue().split("\\.")[0]))
        .path("kid").asString();
    Header idk = request.getFirstHeader("Idempotency-Key");
    String signature = TestSigner.demo(kid).sign(request.getMethod(), target, body, idk == null ? null : idk.getValue());
    request.setHeader("Capillary-Signature", signature);
    request.setHeader("Content-Digest", ContentDigest.of(body));
    return body;
  }

  private HttpResponse<String> send(ClassicHttpRequest request, byte[] body) throws Exception {
    URI uri = request.getUri();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
        .method(request.getMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Header h : request.getHeaders()) {
      if (!Set.of("host", "content-length", "connection").contains(h.getName().toLowerCase(java.util.Locale.ROOT))) {
        b.header(h.getName(), h.getValue());
      }
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------ provider states (idempotent)

  private static void created(EntityExchangeResult<byte[]> result, String what) {
    assertThat(result.getStatus().value()).as("%s: %s", what, SignedClient.text(result)).isEqualTo(201);
  }

  private SignedClient as(String kid) {
    return new SignedClient(web(), TestSigner.demo(kid));
  }

  /** Writes with a key derived from the state, so that setting a state twice files once. */
  private EntityExchangeResult<byte[]> file(String kid, String method, String path, String contentType, JsonNode body,
      String key) {
    return as(kid).write(method, path, contentType, SignedClient.JSON.writeValueAsBytes(body), key);
  }

  @State("demo-insurer-a holds a policy covering a project")
  public void policy(Map<String, Object> params) {
    String policyId = (String) params.get("policyId");
    String projectId = (String) params.get("projectId");
    ObjectNode body = (ObjectNode) SpecExamples.firstValid("registerPolicy");
    body.put("policyId", policyId);
    tools.jackson.databind.node.ArrayNode projects = (tools.jackson.databind.node.ArrayNode) body.get("projects");
    while (projects.size() > 1) {
      projects.remove(projects.size() - 1);
    }
    ((ObjectNode) projects.get(0)).put("projectId", projectId);
    created(file("demo-insurer-a-es256-1", "POST", "/v1/policies", "application/json", body, "state-policy-" + policyId),
        "policy " + policyId);
  }

  @State("demo-camera-vendor has a device on a covered project")
  public void device(Map<String, Object> params) {
    policy(params);
    String deviceId = (String) params.get("deviceId");
    ObjectNode body = (ObjectNode) SpecExamples.firstValid("registerDevice");
    body.put("deviceId", deviceId);
    body.put("projectId", (String) params.get("projectId"));
    created(file("demo-camera-vendor-es256-1", "POST", "/v1/devices", "application/json", body, "state-device-" + deviceId),
        "device " + deviceId);
  }

  @State("a connector is registered")
  public void connector(Map<String, Object> params) {
    String connectorId = (String) params.get("connectorId");
    String kid = (String) params.get("kid");
    ObjectNode body = (ObjectNode) SpecExamples.firstValid("registerConnector");
    body.put("connectorId", connectorId);
    int n = 0;
    for (JsonNode key : body.get("jwks").get("keys")) {
      ((ObjectNode) key).put("kid", n++ == 0 ? kid : kid + "-" + n);
    }
    created(file("demo-operator-es256-1", "POST", "/v1/admin/connectors", "application/json", body,
        "state-connector-" + connectorId), "connector " + connectorId);
  }

  @State("a subscription exists")
  public void subscription(Map<String, Object> params) {
    String subscriptionId = (String) params.get("subscriptionId");
    ObjectNode body = (ObjectNode) SpecExamples.firstValid("createSubscription");
    body.put("subscriptionId", subscriptionId);
    created(file("demo-operator-es256-1", "POST", "/v1/admin/subscriptions", "application/json", body,
        "state-subscription-" + subscriptionId), "subscription " + subscriptionId);
  }

  @State("the caller has uploaded media")
  public Map<String, Object> media(Map<String, Object> params) {
    SignedClient uploader = as((String) params.get("kid"));
    Scenario scenario = new Scenario(web());
    int count = ((Number) params.get("count")).intValue();
    Map<String, Object> ids = new java.util.HashMap<>();
    for (int n = 0; n < count; n++) {
      // The content whose SHA-256 the SDK's pact states (PactBodies.mediaContent).
      byte[] content = ("pact media item " + n).getBytes(StandardCharsets.UTF_8);
      ids.put("media" + n, scenario.upload(uploader, content).mediaId());
    }
    return ids;
  }

  @State("demo-insurer-a has filed a submission")
  public Map<String, Object> submission(Map<String, Object> params) {
    policy(params);
    String projectId = (String) params.get("projectId");
    EntityExchangeResult<byte[]> result = file("demo-insurer-a-es256-1", "POST", "/v1/projects/" + projectId + "/inspections",
        "application/json", SpecExamples.firstValid("submitInspection"), "state-submission-" + projectId);
    created(result, "submission on " + projectId);
    return Map.of("submissionId", SignedClient.json(result).path("submissionId").asString());
  }
}
