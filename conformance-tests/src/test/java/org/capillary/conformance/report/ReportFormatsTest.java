package org.capillary.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.run.PlanRunner;
import org.capillary.conformance.run.RunResult;
import org.capillary.conformance.support.FakePlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatsTest {

  @TempDir
  Path dir;

  private RunResult run() {
    return new PlanRunner().run(FakePlans.plan(FakePlans.pass("A"), FakePlans.fail("B", true),
        new FakePlans.Scripted("N", true, CheckResult.notApplicable("no such feature"), false)), FakePlans.settings(dir));
  }

  @Test
  void junitXmlHasOneTestcasePerCheckWithFailureDetails() {
    String xml = JUnitXmlReport.of(run());
    assertThat(xml).contains("<testsuite name=\"fake.only\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\">",
        "<testcase classname=\"fake.only\" name=\"A\"/>",
        "<failure message=\"B does not hold\" type=\"mandatory\">seen &lt;b&gt;&amp;&quot;odd&quot;&lt;/b&gt;</failure>",
        "<skipped message=\"no such feature\"/>");
  }

  @Test
  void htmlIsSelfContainedAndEscaped() {
    String html = HtmlReport.of(run(), "sha-256:abc");
    assertThat(html).startsWith("<!DOCTYPE html>").contains("IN-REVISION", "sha-256:abc", "seen &lt;b&gt;&amp;")
        .doesNotContain("<script", "src=\"http", "href=\"http", "<b>&\"odd\"</b>");
    assertThat(html.indexOf(">B<")).isLessThan(html.indexOf(">A<"));
  }

  @Test
  void resultsJsonCarriesStatusCountsAndEvidence() {
    var json = ResultsJson.of(run());
    assertThat(json.path("status").asString()).isEqualTo("IN-REVISION");
    assertThat(json.path("mandatoryPassed").asBoolean()).isFalse();
    assertThat(json.path("counts").path("FAIL").asInt()).isEqualTo(1);
    assertThat(json.path("results").get(1).path("evidence").get(0).asString()).isEqualTo("seen <b>&\"odd\"</b>");
  }

  @Test
  void writesEveryFileAndNoReportWithoutAKey() {
    ReportFiles.write(run(), dir.resolve("out"), null, "unsigned", "t", Duration.ofDays(1));
    assertThat(dir.resolve("out")).isDirectoryContaining("glob:**/transcript.json").isDirectoryContaining("glob:**/results.json")
        .isDirectoryContaining("glob:**/report.html").isDirectoryContaining("glob:**/junit.xml");
    assertThat(Files.exists(dir.resolve("out").resolve(ReportFiles.CERTIFICATION))).isFalse();
  }

  @Test
  void statusFollowsTheMandatoryChecks() {
    var runner = new PlanRunner();
    assertThat(CertificationStatus.of(runner.run(FakePlans.plan(FakePlans.pass("A")), FakePlans.settings(dir))))
        .isEqualTo(CertificationStatus.PASS);
    assertThat(CertificationStatus.of(runner.run(FakePlans.plan(FakePlans.pass("A"), FakePlans.fail("O", false)),
        FakePlans.settings(dir)))).isEqualTo(CertificationStatus.CONDITIONAL);
    assertThat(CertificationStatus.of(run())).isEqualTo(CertificationStatus.IN_REVISION);
    assertThat(CertificationStatus.IN_REVISION.label()).isEqualTo("IN-REVISION");
    assertThat(CertificationStatus.fromLabel("IN-REVISION")).isEqualTo(CertificationStatus.IN_REVISION);
  }

  @Test
  void contractDigestIsFramedByPathAndLength() {
    String ab = ContractDigest.of(List.of("a", "b"), List.of("xy".getBytes(), "z".getBytes()));
    assertThat(ab).matches("sha-256:[0-9a-f]{64}");
    assertThat(ContractDigest.of(List.of("a", "b"), List.of("x".getBytes(), "yz".getBytes()))).isNotEqualTo(ab);
    assertThat(ContractDigest.of(List.of("a", "c"), List.of("xy".getBytes(), "z".getBytes()))).isNotEqualTo(ab);
    assertThat(ContractDigest.ofSuiteContract()).isEqualTo(ContractDigest.ofSuiteContract()).matches("sha-256:[0-9a-f]{64}");
  }
}
