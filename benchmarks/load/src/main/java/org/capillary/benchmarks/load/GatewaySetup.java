package org.capillary.benchmarks.load;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.CapillaryClientBuilder;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.models.UploadCreation;
import org.capillary.sdk.upload.UploadOptions;
import org.capillary.sdk.upload.UploadedMedia;

/**
 * Prepares a gateway for load as an operator would: registers fresh insurers through the admin
 * API, signed by the demo operator, on the rate plan {@value #RATE_PLAN} (configured on the gateway
 * under test with a capacity no run reaches, so the limiter is exercised but never refuses), then
 * has each insurer register a policy covering {@value #PROJECTS_PER_CONNECTOR} fresh projects and
 * upload one photo (which its inspections cite). Many projects, because the compliance projection
 * re-reads a project's history on each submission: one project per connector would make the run
 * measure an ever longer history, which real projects (tens of records) never have.
 */
final class GatewaySetup {

  /** Projects per insurer (one policy covers them all; the contract allows 500). */
  static final int PROJECTS_PER_CONNECTOR = 100;

  /** The plan of the load connectors; {@link BenchmarkRun} configures it on the gateway. */
  static final String RATE_PLAN = "bench";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final Clock clock;

  GatewaySetup(URI base, Clock clock) {
    this.base = base;
    this.clock = clock;
  }

  /**
   * Registers {@code count} insurers, each with a policy over its own project.
   *
   * @param operatorKeyFile the demo operator's private JWK
   * @param run the run id (11 characters)
   * @param count how many connectors
   * @return the connectors
   * @throws IllegalStateException if the gateway refuses a step
   */
  List<LoadConnector> registerInsurers(Path operatorKeyFile, String run, int count) throws IOException, InterruptedException {
    ECKey operatorKey;
    try {
      operatorKey = (ECKey) JWK.parse(Files.readString(operatorKeyFile));
    } catch (ParseException e) {
      throw new IllegalStateException("not a JWK: " + operatorKeyFile, e);
    }
    RequestSigner operator = new RequestSigner(operatorKey, clock);
    List<LoadConnector> connectors = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String connectorId = "load-" + run + "-" + i;
      ECKey key;
      try {
        key = new ECKeyGenerator(Curve.P_256).keyID(connectorId + "-es256").algorithm(JWSAlgorithm.ES256).generate();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
      post(operator, "/v1/admin/connectors", Bodies.insurer(connectorId, key.toPublicJWK().toJSONString(), RATE_PLAN));
      RequestSigner signer = new RequestSigner(key, clock);
      List<String> projectIds = new ArrayList<>();
      for (int p = 0; p < PROJECTS_PER_CONNECTOR; p++) {
        projectIds.add("FT-LOAD-" + run.toUpperCase(java.util.Locale.ROOT) + "-" + i + "-" + p);
      }
      post(signer, "/v1/policies", Bodies.policy("pol-" + run + "-" + i, projectIds));
      UploadedMedia photo = uploadPhoto(connectorId, key, projectIds.get(0));
      connectors.add(new LoadConnector(connectorId, projectIds, signer, new Bodies(photo.mediaId(), photo.sha256())));
    }
    return connectors;
  }

  /** A 32 KiB photo of random bytes, uploaded with the SDK as the connector. */
  private UploadedMedia uploadPhoto(String connectorId, ECKey key, String projectId) {
    byte[] photo = new byte[32 * 1024];
    java.util.concurrent.ThreadLocalRandom.current().nextBytes(photo);
    String sha256;
    try {
      sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    CapillaryClient client = new CapillaryClientBuilder().endpoint(base.toString()).connectorId(connectorId)
        .credential(CapillaryKeyCredential.fromJwk(key.toJSONString())).buildClient();
    return client.uploadMedia(() -> new java.io.ByteArrayInputStream(photo), photo.length, sha256,
        UploadOptions.builder(UploadCreation.KindEnum.PHOTO, "image/jpeg").fileName("site.jpg").projectId(projectId).build());
  }

  private void post(RequestSigner signer, String path, byte[] body) throws IOException, InterruptedException {
    String idempotencyKey = UUID.randomUUID().toString();
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey)
        .header("Capillary-Signature", signer.sign("POST", path, body, idempotencyKey))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}
