package org.capillary.conformance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.capillary.conformance.run.RunResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's outputs into a folder: {@code transcript.json}, {@code results.json},
 * {@code report.html}, {@code junit.xml} and, when a certification key is given,
 * {@code certification-report.jws}.
 */
public final class ReportFiles {

  /** File names in the output folder. */
  public static final String TRANSCRIPT = "transcript.json";
  /** The JSON results. */
  public static final String RESULTS = "results.json";
  /** The HTML report. */
  public static final String HTML = "report.html";
  /** The JUnit XML. */
  public static final String JUNIT = "junit.xml";
  /** The signed certification report. */
  public static final String CERTIFICATION = "certification-report.jws";

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ReportFiles() {}

  /**
   * Writes the outputs.
   *
   * @param result the run
   * @param folder the folder (created if absent)
   * @param signer the operator's certification key, or {@code null} for an unsigned run
   * @param issuer the operator named as issuer
   * @param targetId what was certified
   * @param validity how long the report is valid
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void write(RunResult result, Path folder, @Nullable CertificationReportSigner signer, String issuer,
      String targetId, Duration validity) {
    try {
      Files.createDirectories(folder);
      result.transcript().writeTo(folder.resolve(TRANSCRIPT));
      Files.write(folder.resolve(RESULTS), JSON.writeValueAsBytes(ResultsJson.of(result)));
      Files.writeString(folder.resolve(HTML), HtmlReport.of(result, ContractDigest.ofSuiteContract()), StandardCharsets.UTF_8);
      Files.writeString(folder.resolve(JUNIT), JUnitXmlReport.of(result), StandardCharsets.UTF_8);
      if (signer != null) {
        String jws = signer.sign(CertificationReport.claims(result, issuer, targetId, result.finishedAt(), validity));
        Files.writeString(folder.resolve(CERTIFICATION), jws + "\n", StandardCharsets.US_ASCII);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reports to " + folder, e);
    }
  }
}
