package org.capillary.conformance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.capillary.conformance.cli.ConformanceCommand;
import org.capillary.gateway.it.GatewayProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform plan against our own gateway, packaged and started as a child process, through the
 * command line: every mandatory check passes, the signed report verifies, and a tampered copy does
 * not.
 */
class PlatformPlanIT {

  private static final Path DEMO_KEYS = Path.of("../gateway/src/main/resources/connectors/demo-keys");

  @TempDir
  static Path work;

  private static GatewayProcess gateway;
  private static Path out;
  private static Path publicKeys;
  private static int runExit;
  private static String runOutput = "";

  @BeforeAll
  static void runThePlatformPlan() throws Exception {
    gateway = GatewayProcess.embedded("conformance", work.resolve("gateway"))
        // a small plan the rate-limit scenario registers a fresh connector on
        .property("capillary.gateway.rate-limit.plans.tiny.capacity", "5")
        .property("capillary.gateway.rate-limit.plans.tiny.window", "PT1H")
        .start();
    ECKey certificationKey = new ECKeyGenerator(Curve.P_256).keyID("test-operator-certification-1").algorithm(JWSAlgorithm.ES256)
        .generate();
    Path privateKey = work.resolve("operator-certification.jwk");
    Files.writeString(privateKey, certificationKey.toJSONString());
    publicKeys = work.resolve("operator-certification.jwks");
    Files.writeString(publicKeys, new JWKSet(certificationKey.toPublicJWK()).toString());
    out = work.resolve("out");
    List<String> args = new ArrayList<>(List.of("run", "--plan", "platform", "--out", out.toString(), "--sign-with",
        privateKey.toString(), "--issuer", "demo-operator", "--set", "baseUrl=" + gateway.baseUri(),
        "--set", "rateLimit.plan=tiny"));
    connector(args, "operator", "demo-operator", "demo-operator-es256-1");
    connector(args, "insurerA", "demo-insurer-a", "demo-insurer-a-es256-1");
    connector(args, "insurerB", "demo-insurer-b", "demo-insurer-b-ed25519-1");
    connector(args, "vendor", "demo-camera-vendor", "demo-camera-vendor-es256-1");
    StringWriter text = new StringWriter();
    runExit = ConformanceCommand.execute(args.toArray(String[]::new), new PrintWriter(text), new PrintWriter(text));
    runOutput = text.toString();
  }

  @AfterAll
  static void stopTheGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static void connector(List<String> args, String role, String id, String kid) {
    args.addAll(List.of("--set", role + ".id=" + id, "--set", role + ".keyFile=" + DEMO_KEYS.resolve(kid + ".jwk.json")));
  }

  @Test
  void everyMandatoryCheckPasses() throws Exception {
    assertThat(runExit).as(runOutput + "\n" + gateway.logTail()).isZero();
    JsonNode results = JsonMapper.builder().build().readTree(Files.readAllBytes(out.resolve("results.json")));
    List<String> notPassed = new ArrayList<>();
    for (JsonNode r : results.path("results")) {
      if (r.path("mandatory").asBoolean() && !r.path("status").asString().equals("PASS")) {
        notPassed.add(r.path("scenario").asString() + "/" + r.path("check").asString() + ": " + r.path("status").asString()
            + " " + r.path("summary").asString());
      }
    }
    assertThat(notPassed).as(runOutput).isEmpty();
    // our gateway must meet the optional checks too: nothing short of PASS
    assertThat(results.path("status").asString()).as(runOutput).isEqualTo("PASS");
    assertThat(results.path("results").size()).isGreaterThan(40);
    assertThat(out.resolve("report.html")).exists();
    assertThat(Files.readString(out.resolve("junit.xml"))).contains("<testcase classname=\"platform.write-operations\"");
  }

  @Test
  void theSignedReportVerifiesWithItsTranscript() {
    Result r = cli("verify-report", out.resolve("certification-report.jws").toString(), "--key", publicKeys.toString(),
        "--transcript", out.resolve("transcript.json").toString());
    assertThat(r.exit()).as(r.text()).isZero();
    assertThat(r.text()).contains("VALID: plan platform", "target " + gateway.baseUri()).contains("status PASS");
  }

  @Test
  void aTamperedReportFailsVerification() throws Exception {
    String jws = Files.readString(out.resolve("certification-report.jws")).strip();
    String[] parts = jws.split("\\.");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = payload.replaceFirst("\"status\":\"FAIL\"", "\"status\":\"PASS\"").replace("\"iss\":\"demo-operator\"",
        "\"iss\":\"demo-0perator\"");
    Path tampered = work.resolve("tampered.jws");
    Files.writeString(tampered, parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);

    Result r = cli("verify-report", tampered.toString(), "--key", publicKeys.toString());

    assertThat(r.exit()).as(r.text()).isEqualTo(1);
    assertThat(r.text()).contains("INVALID", "the signature does not verify");
  }

  @Test
  void aTamperedTranscriptFailsVerification() throws Exception {
    Path transcript = work.resolve("tampered-transcript.json");
    Files.writeString(transcript, Files.readString(out.resolve("transcript.json")).replaceFirst("\"status\" : \"PASS\"",
        "\"status\" : \"FAIL\""));

    Result r = cli("verify-report", out.resolve("certification-report.jws").toString(), "--key", publicKeys.toString(),
        "--transcript", transcript.toString());

    assertThat(r.exit()).as(r.text()).isEqualTo(1);
    assertThat(r.text()).contains("the transcript's hash chain is broken: entry");
  }

  @Test
  void thePackagedCommandLineListsThePlans() throws Exception {
    Path jar = Path.of(System.getProperty("capillary.conformance.jar", "target/capillary-conformance.jar"));
    assertThat(jar).exists();
    Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(), "list-plans")
        .redirectErrorStream(true).start();
    String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(listing).isZero();
    assertThat(listing).contains("platform (role platform)", "pact (role connector-pact)");
  }

  private record Result(int exit, String text) {}

  private static Result cli(String... args) {
    StringWriter text = new StringWriter();
    int exit = ConformanceCommand.execute(args, new PrintWriter(text), new PrintWriter(text));
    return new Result(exit, text.toString());
  }
}
