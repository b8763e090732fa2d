package org.capillary.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.capillary.gateway.jws.ContentDigest;
import org.capillary.gateway.support.Scenario;
import org.capillary.gateway.support.SignedClient;
import org.capillary.gateway.support.SpecExamples;
import org.capillary.gateway.support.TestSigner;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.CapillaryClientBuilder;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.implementation.Json;
import org.capillary.sdk.models.SubmissionReceipt;
import org.capillary.sdk.models.SubmissionStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SDK pointed at a gateway running in the test: clients built from the demo connectors' private
 * JWKs, the contract's examples read into the SDK's models, and the checks every receipt must pass.
 */
final class SdkFixtures {

  /** The platform id the embedded gateway writes as {@code iss}. */
  static final String ISSUER = "cn-440304";

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);

  private final String endpoint;

  SdkFixtures(int port) {
    this.endpoint = "http://localhost:" + port;
  }

  String endpoint() {
    return endpoint;
  }

  /** A fresh id with a prefix, unique within the JVM run. */
  static String id(String prefix) {
    return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
  }

  /** The private JWK of a demo connector, as shipped in the gateway's resources. */
  static String demoJwk(String kid) {
    String resource = "connectors/demo-keys/" + kid + ".jwk.json";
    try (InputStream in = SdkFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no demo key " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A builder for a demo connector, checking the issuer of every receipt. */
  CapillaryClientBuilder builder(String connectorId, String kid) {
    return builder(connectorId, CapillaryKeyCredential.fromJwk(demoJwk(kid)));
  }

  CapillaryClientBuilder builder(String connectorId, CapillaryKeyCredential credential) {
    return new CapillaryClientBuilder().endpoint(endpoint).connectorId(connectorId).credential(credential).issuer(ISSUER);
  }

  CapillaryClient client(String connectorId, String kid) {
    return builder(connectorId, kid).buildClient();
  }

  /** The first valid example of an operation, as a mutable tree (Jackson 3, like the contract tools). */
  static JsonNode example(String operationId) {
    return SpecExamples.firstValid(operationId);
  }

  /** An example file by name, e.g. {@code registerPolicy}, {@code invalid-contractor-uscc-check}. */
  static JsonNode example(String operationId, String name) {
    return SpecExamples.of(operationId).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow()
        .body().deepCopy();
  }

  /** Reads a tree into an SDK model with the SDK's own mapper. */
  static <T> T model(JsonNode body, Class<T> type) {
    try {
      return Json.MAPPER.readValue(SignedClient.JSON.writeValueAsBytes(body), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The octets the SDK sends for a model (it serialises once and signs those). */
  static byte[] wire(Object model) {
    return Json.write(model);
  }

  /**
   * Checks an answer of the SDK: its receipt names what was sent, verifies independently of the
   * SDK against the gateway's JWK Set, and is what getSubmission returns.
   *
   * @return the receipt
   */
  SubmissionReceipt checkReceipt(CapillaryClient client, SubmissionReceipt receipt, String operationId,
      String connectorId, Object sent, String idempotencyKey) {
    String cdg = ContentDigest.of(wire(sent));
    assertThat(receipt.claims().operationId()).isEqualTo(operationId);
    assertThat(receipt.claims().connectorId()).isEqualTo(connectorId);
    assertThat(receipt.claims().contentDigest()).isEqualTo(cdg);
    assertThat(receipt.claims().idempotencyKey()).isEqualTo(idempotencyKey);
    assertThat(receipt.claims().issuer()).isEqualTo(ISSUER);
    assertThat(receipt.idempotencyKey()).isEqualTo(idempotencyKey);
    assertThat(receipt.replayed()).isFalse();
    assertThat(receipt.submissionId()).matches("^sub_[0-9A-HJKMNP-TV-Z]{26}$");
    assertThat(receipt.sequence()).isPositive();
    assertThat(receipt.document().getOperationId()).isEqualTo(operationId);
    assertThat(receipt.document().getContentDigest()).isEqualTo(cdg);
    assertThat(receipt.document().getStatus()).hasToString("ACCEPTED");

    // Independently of the SDK's verifier: the receipt verifies with the gateway's published key.
    try {
      JWSObject jws = JWSObject.parse(receipt.receipt());
      ECKey key = (ECKey) jwks().getKeyByKeyId(jws.getHeader().getKeyID());
      assertThat(key).as("gateway key %s", jws.getHeader().getKeyID()).isNotNull();
      assertThat(jws.verify(new ECDSAVerifier(key))).isTrue();
      Map<String, Object> claims = jws.getPayload().toJSONObject();
      assertThat(claims).containsEntry("op", operationId).containsEntry("cid", connectorId)
          .containsEntry("cdg", cdg).containsEntry("idk", idempotencyKey).containsEntry("sub", receipt.submissionId());
    } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
      throw new AssertionError(e);
    }

    SubmissionStatus status = client.getSubmission(receipt.submissionId());
    assertThat(status.getReceipt()).isEqualTo(receipt.receipt());
    // ACCEPTED until the projections have applied it, then PROCESSED (or REJECTED_BY_RULES, with a detail).
    assertThat(status.getStatus()).as(status.getDetail()).isIn("ACCEPTED", "PROCESSED", "REJECTED_BY_RULES");
    assertThat(status.getContentDigest()).isEqualTo(cdg);
    assertThat(status.getOperationId()).isEqualTo(operationId);
    assertThat(status.getConnectorId()).isEqualTo(connectorId);
    assertThat(status.getSequence().longValue()).isEqualTo(receipt.sequence());
    return receipt;
  }

  /**
   * Uploads a small media item, as the connector of {@code kid}, for every well-formed MediaRef
   * ({mediaId, sha256} and nothing else) of a body, and cites it instead: a record may cite only
   * complete media of its own connector (CAP-MED-01). The SDK has no upload API yet, so the upload
   * goes through the test support's signed client (createUpload + one tus PATCH).
   *
   * @return the body, changed in place
   */
  JsonNode withUploadedMedia(JsonNode body, String kid) {
    WebTestClient web = WebTestClient.bindToServer().baseUrl(endpoint).build();
    replaceMediaRefs(body, new Scenario(web), new SignedClient(web, TestSigner.demo(kid)));
    return body;
  }

  private static void replaceMediaRefs(JsonNode node, Scenario scenario, SignedClient uploader) {
    if (node instanceof ObjectNode o && o.size() == 2 && o.path("mediaId").isString()
        && o.path("sha256").isString() && o.path("sha256").stringValue().matches("[0-9a-f]{64}")) {
      Scenario.Media media = scenario.upload(uploader, ("sdk e2e media " + id("med")).getBytes(StandardCharsets.UTF_8));
      o.put("mediaId", media.mediaId());
      o.put("sha256", media.sha256());
      return;
    }
    for (JsonNode child : node) {
      replaceMediaRefs(child, scenario, uploader);
    }
  }

  /** The gateway's JWK Set, fetched without the SDK. */
  JWKSet jwks() {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(endpoint + "/.well-known/jwks.json")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return JWKSet.parse(response.body());
    } catch (IOException | java.text.ParseException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
