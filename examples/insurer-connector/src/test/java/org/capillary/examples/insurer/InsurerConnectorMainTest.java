package org.capillary.examples.insurer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InsurerConnectorMainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return InsurerConnectorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsTheUsage() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: insurer-connector");
  }

  @Test
  void usageErrorsExitWithTwoAndSayWhy() {
    assertThat(run("--colour", "red")).isEqualTo(2);
    assertThat(run("--endpoint")).isEqualTo(2);
    assertThat(run("--key", "/nonexistent/key.jwk.json")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument --colour", "--endpoint needs a value",
        "cannot read the key file /nonexistent/key.jwk.json");
  }

  @Test
  void aPublicKeyIsNotASigningKey() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("public", ".jwk.json");
    java.nio.file.Files.writeString(file, "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k\",\"x\":"
        + "\"DOeOfpTBIAe1L-XpbCOKHO8Imh-SfsrJW_MeNLkMPuM\",\"y\":\"zd3aWH8TKeK1is6NH2pZ2Mkik9qU_pnHpSiEPotmkkQ\"}");
    try {
      assertThat(run("--key", file.toString())).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a private signing JWK", "no private part");
    } finally {
      java.nio.file.Files.delete(file);
    }
  }
}
