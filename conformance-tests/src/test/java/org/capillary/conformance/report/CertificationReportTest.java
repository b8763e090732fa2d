package org.capillary.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import org.capillary.conformance.run.PlanRunner;
import org.capillary.conformance.run.RunResult;
import org.capillary.conformance.support.FakePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CertificationReportTest {

  @TempDir
  Path dir;

  private ECKey operatorKey;
  private CertificationReportSigner signer;
  private CertificationReportVerifier verifier;
  private RunResult run;
  private String report;
  private Path transcript;

  @BeforeEach
  void signAReport() throws Exception {
    operatorKey = key("operator-cert-1");
    signer = CertificationReportSigner.fromJwk(operatorKey.toJSONString());
    verifier = CertificationReportVerifier.create(new JWKSet(operatorKey.toPublicJWK()), Clock.offset(FakePlans.CLOCK, Duration.ofDays(1)));
    run = new PlanRunner().run(FakePlans.plan(FakePlans.pass("A"), FakePlans.fail("Optional", false)), FakePlans.settings(dir));
    report = signer.sign(CertificationReport.claims(run, "demo-operator", "fake-target", run.finishedAt(), Duration.ofDays(365)));
    transcript = dir.resolve("transcript.json");
    run.transcript().writeTo(transcript);
  }

  private static ECKey key(String kid) throws Exception {
    return new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256).generate();
  }

  @Test
  void aSignedReportVerifiesWithItsTranscript() {
    ReportVerification v = verifier.verify(report, transcript);
    assertThat(v.problems()).isEmpty();
    assertThat(v.claims().path("status").asString()).isEqualTo("CONDITIONAL");
    assertThat(v.claims().path("plan").path("id").asString()).isEqualTo("fake");
    assertThat(v.claims().path("target").path("id").asString()).isEqualTo("fake-target");
    assertThat(v.claims().path("contract").path("digest").asString()).isEqualTo(ContractDigest.ofSuiteContract());
    assertThat(v.claims().path("transcript").path("headHash").asString()).isEqualTo(run.transcript().headHash());
    assertThat(v.claims().path("results")).hasSize(2);
  }

  @Test
  void aFlippedPayloadByteFails() {
    String[] parts = report.split("\\.");
    char[] payload = parts[1].toCharArray();
    payload[10] = payload[10] == 'A' ? 'B' : 'A';
    assertThat(verifier.verify(parts[0] + "." + new String(payload) + "." + parts[2], null).problems())
        .containsExactly("the signature does not verify with key operator-cert-1: the report was changed after signing, or signed by another key");
  }

  @Test
  void aChangedCheckStatusFails() {
    String forged = withPayload(report, json -> ((ObjectNode) json.path("results").get(1)).put("status", "PASS"));
    assertThat(verifier.verify(forged, null).problems()).singleElement().asString().startsWith("the signature does not verify");
  }

  @Test
  void aSignatureOfAnotherReportFails() {
    String other = signer.sign(CertificationReport.claims(run, "demo-operator", "other-target", run.finishedAt(), Duration.ofDays(1)));
    String swapped = report.substring(0, report.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
    assertThat(verifier.verify(swapped, null).problems()).singleElement().asString().startsWith("the signature does not verify");
  }

  @Test
  void aReportSignedByAnotherKeyFails() throws Exception {
    String impostor = CertificationReportSigner.fromJwk(key("operator-cert-1").toJSONString())
        .sign(CertificationReport.claims(run, "demo-operator", "fake-target", run.finishedAt(), Duration.ofDays(1)));
    assertThat(verifier.verify(impostor, null).problems()).singleElement().asString().startsWith("the signature does not verify");
    String unknownKid = CertificationReportSigner.fromJwk(key("someone-else").toJSONString())
        .sign(CertificationReport.claims(run, "x", "y", run.finishedAt(), Duration.ofDays(1)));
    assertThat(verifier.verify(unknownKid, null).problems())
        .containsExactly("the report is signed with key someone-else, which is not in the given JWK Set");
  }

  @Test
  void aTamperedTranscriptEntryFails() throws Exception {
    Files.writeString(transcript, Files.readString(transcript).replaceFirst("\"status\" : \"FAIL\"", "\"status\" : \"PASS\""));
    assertThat(verifier.verify(report, transcript).problems()).singleElement().asString()
        .startsWith("the transcript's hash chain is broken: entry ").contains("(check) was changed");
  }

  @Test
  void anotherRunsTranscriptFails() {
    RunResult other = new PlanRunner().run(FakePlans.plan(FakePlans.pass("A"), FakePlans.fail("Optional", false)), FakePlans.settings(dir));
    Path otherTranscript = dir.resolve("other.json");
    other.transcript().writeTo(otherTranscript);
    // same content, same clock: the chain is equal, so it must verify; a different run differs
    RunResult different = new PlanRunner().run(FakePlans.plan(FakePlans.pass("A")), FakePlans.settings(dir));
    Path differentTranscript = dir.resolve("different.json");
    different.transcript().writeTo(differentTranscript);
    assertThat(verifier.verify(report, otherTranscript).problems()).isEmpty();
    assertThat(verifier.verify(report, differentTranscript).problems()).singleElement().asString()
        .startsWith("the transcript's head hash ");
  }

  @Test
  void aReportOfAnotherContractFails() {
    String foreign = signer.sign(withClaims(c -> ((ObjectNode) c.path("contract")).put("digest", "sha-256:" + "0".repeat(64))));
    assertThat(verifier.verify(foreign, null).problems()).singleElement().asString()
        .startsWith("the report's contract digest sha-256:000").contains("differs from this suite's contract");
  }

  @Test
  void anExpiredReportFails() {
    CertificationReportVerifier later = CertificationReportVerifier.create(new JWKSet(operatorKey.toPublicJWK()),
        Clock.fixed(FakePlans.CLOCK.instant().plus(Duration.ofDays(366)), ZoneOffset.UTC));
    assertThat(later.verify(report, null).problems()).singleElement().asString().startsWith("the report is EXPIRED: its validity ended at");
  }

  @Test
  void aStatusTheResultsDoNotEarnFails() {
    String inflated = signer.sign(withClaims(c -> c.put("status", "PASS")));
    assertThat(verifier.verify(inflated, null).problems()).containsExactly("the report states PASS but its results earn CONDITIONAL");
  }

  @Test
  void onlyEs256IsAccepted() {
    assertThat(verifier.verify("eyJhbGciOiJub25lIn0.e30.", null).problems()).singleElement().asString().startsWith("the report");
  }

  private ObjectNode withClaims(java.util.function.Consumer<ObjectNode> edit) {
    ObjectNode claims = CertificationReport.claims(run, "demo-operator", "fake-target", run.finishedAt(), Duration.ofDays(365));
    edit.accept(claims);
    return claims;
  }

  private static String withPayload(String jws, java.util.function.Consumer<ObjectNode> edit) {
    String[] parts = jws.split("\\.");
    ObjectNode json = (ObjectNode) JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(parts[1]));
    edit.accept(json);
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8))
        + "." + parts[2];
  }
}
