package org.capillary.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCommandTest {

  @TempDir
  Path dir;

  private record Result(int exit, String text) {}

  private static Result cli(String... args) {
    StringWriter text = new StringWriter();
    int exit = ConformanceCommand.execute(args, new PrintWriter(text), new PrintWriter(text));
    return new Result(exit, text.toString());
  }

  @Test
  void listsThePlansWithTheirSettings() {
    Result r = cli("list-plans");
    assertThat(r.exit()).isZero();
    assertThat(r.text()).contains("platform (role platform)", "--set baseUrl=...   (required)", "pact (role connector-pact)");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(cli().exit()).isEqualTo(2);
    assertThat(cli("run", "--plan", "platform").exit()).isEqualTo(2);
    Result unknown = cli("run", "--plan", "nope", "--out", dir.toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.text()).contains("no plan nope");
    Result missing = cli("run", "--plan", "platform", "--out", dir.toString(), "--set", "baseUrl=http://127.0.0.1:1");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.text()).contains("needs the settings [operator.id");
    assertThat(cli("run", "--plan", "pact", "--out", dir.toString(), "--set", "noequals").exit()).isEqualTo(2);
    assertThat(cli("verify-report", dir.resolve("absent.jws").toString(), "--key", dir.resolve("k").toString()).exit()).isEqualTo(2);
  }

  @Test
  void runsAPlanSignsTheReportAndVerifiesIt() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID("cert-1").algorithm(JWSAlgorithm.ES256).generate();
    Files.writeString(dir.resolve("cert.jwk"), key.toJSONString());
    Files.writeString(dir.resolve("cert.jwks"), new JWKSet(key.toPublicJWK()).toString());
    Path out = dir.resolve("out");

    Result run = cli("run", "--plan", "pact", "--out", out.toString(), "--sign-with", dir.resolve("cert.jwk").toString(),
        "--set", "pactFile=src/test/resources/pacts/sdk-java-conformant.json", "--set", "target=capillary-sdk-java");
    Result verify = cli("verify-report", out.resolve("certification-report.jws").toString(), "--key",
        dir.resolve("cert.jwks").toString(), "--transcript", out.resolve("transcript.json").toString());

    assertThat(run.exit()).as(run.text()).isZero();
    assertThat(run.text()).contains("plan pact: PASS");
    assertThat(verify.exit()).as(verify.text()).isZero();
    assertThat(verify.text()).contains("VALID: plan pact, target capillary-sdk-java, status PASS");
  }

  @Test
  void failingMandatoryChecksExitWithOne() {
    Result r = cli("run", "--plan", "pact", "--out", dir.resolve("out").toString(),
        "--set", "pactFile=src/test/resources/pacts/broken-request-body.json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.text()).contains("FAIL  pact-file / ValidatePactRequestBodies", "plan pact: IN-REVISION");
    assertThat(dir.resolve("out").resolve("certification-report.jws")).doesNotExist();
  }
}
