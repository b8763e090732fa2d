package org.capillary.examples.insurer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.capillary.gateway.it.GatewayProcess;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.CapillaryClientBuilder;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.models.Obligation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The insurer example against the packaged gateway on its embedded defaults, as the README runs it:
 * the command line, then the cycle as a library, checking every receipt independently of the SDK.
 */
class InsurerServiceCycleIT {

  @TempDir
  static Path dataDir;

  static GatewayProcess gateway;

  @BeforeAll
  static void startGateway() {
    gateway = GatewayProcess.embedded("insurer-example", dataDir).start();
  }

  @AfterAll
  static void stopGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  static Path repoRoot() {
    return Path.of(System.getProperty("capillary.repo.root", "../.."));
  }

  @Test
  void theReadmeCommandFilesTheWholeCycle() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = InsurerConnectorMain.run(new String[] {"--endpoint", gateway.baseUri().toString(),
        "--key", repoRoot().resolve(InsurerConnectorMain.DEMO_KEY).toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as("stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(report).contains("Filed 9 records", "Submission statuses: {PROCESSED=9}", "R-20", "R-41");
  }

  @Test
  void everyReceiptVerifiesAgainstTheGatewayKeyAndTheObligationsComeBack() throws Exception {
    CapillaryClient client = new CapillaryClientBuilder()
        .endpoint(gateway.baseUri().toString())
        .connectorId("demo-insurer-a")
        .credential(CapillaryKeyCredential.fromJwk(Files.readString(repoRoot().resolve(InsurerConnectorMain.DEMO_KEY))))
        .issuer("cn-440304")
        .buildClient();
    CycleSettings settings = CycleSettings.create(Clock.systemUTC());

    CycleResult result = new InsurerServiceCycle(client, settings).run();

    assertThat(result.filings()).extracting(Filing::operationId).containsExactly("registerPolicy",
        "submitRiskAssessment", "reportWorksStatus", "submitTraining", "submitEmergencyPlan", "submitInspection",
        "submitRectification", "submitRectificationVerification", "submitDrill");
    JWKSet jwks = JWKSet.load(new URL(gateway.baseUri() + "/.well-known/jwks.json"));
    long previous = 0;
    for (Filing filing : result.filings()) {
      JWSObject receipt = JWSObject.parse(filing.receipt().receipt());
      ECKey key = (ECKey) jwks.getKeyByKeyId(receipt.getHeader().getKeyID());
      assertThat(receipt.verify(new ECDSAVerifier(key))).as(filing.operationId()).isTrue();
      Map<String, Object> claims = receipt.getPayload().toJSONObject();
      assertThat(claims).containsEntry("op", filing.operationId()).containsEntry("cid", "demo-insurer-a")
          .containsEntry("sub", filing.receipt().submissionId())
          .containsEntry("idk", filing.operationId() + "/" + filing.recordId());
      assertThat(filing.receipt().sequence()).isGreaterThan(previous);
      previous = filing.receipt().sequence();
      assertThat(client.getSubmission(filing.receipt().submissionId()).getReceipt()).isEqualTo(filing.receipt().receipt());
    }
    assertThat(result.statuses().values()).containsOnly("PROCESSED");

    Map<String, String> states = result.obligations().getObligations().stream()
        .collect(Collectors.toMap(Obligation::getObligationId, Obligation::getState));
    assertThat(result.obligations().getProjectId()).isEqualTo(settings.projectId());
    assertThat(states).containsEntry("R-10", "MET")            // risk assessment before the start
        .containsEntry("R-20", "MET")                          // first inspection within 48 h
        .containsEntry("R-21", "PENDING")                      // one of three inspections so far
        .containsEntry("R-40", "MET")                          // plan covers the three scenarios
        .containsEntry("R-41:drl-" + settings.runId() + "-01", "MET")
        .containsEntry("R-32:" + result.hazardId(), "MET");    // the general hazard rectified in time
  }
}
