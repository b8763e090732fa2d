package org.capillary.conformance.report;

import org.capillary.conformance.run.CheckOutcome;
import org.capillary.conformance.run.RunResult;

/**
 * A self-contained HTML report ({@code report.html}): no scripts, no external style sheets or
 * fonts; readable offline and printable. Failed checks first, then the rest in run order.
 */
public final class HtmlReport {

  private HtmlReport() {}

  /**
   * Renders the report.
   *
   * @param result the run
   * @param contractDigest the contract's digest
   * @return the HTML document
   */
  public static String of(RunResult result, String contractDigest) {
    CertificationStatus status = CertificationStatus.of(result);
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Capillary conformance: ")
        .append(esc(result.planId())).append("</title>\n<style>\n")
        .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}\n")
        .append("table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}\n")
        .append(".PASS{color:#176f2c}.FAIL,.ERROR{color:#b00020;font-weight:bold}.NOT_APPLICABLE{color:#777}\n")
        .append("code,pre{font:12px/1.4 ui-monospace,monospace}pre{white-space:pre-wrap;margin:.3em 0 0}\n")
        .append(".badge{display:inline-block;padding:.2em .7em;border-radius:.3em;background:#eee;font-weight:bold}\n")
        .append("</style></head><body>\n");
    h.append("<h1>Capillary conformance — plan <code>").append(esc(result.planId())).append("</code></h1>\n");
    h.append("<p><span class=\"badge\">").append(status.label()).append("</span> ")
        .append(result.mandatoryPassed() ? "every mandatory check passed" : "mandatory checks failed").append("</p>\n");
    h.append("<table><tr><th>Role</th><td>").append(esc(result.role())).append("</td></tr>")
        .append("<tr><th>Suite</th><td>").append(esc(SuiteVersion.NAME + " " + SuiteVersion.version())).append("</td></tr>")
        .append("<tr><th>Contract digest</th><td><code>").append(esc(contractDigest)).append("</code></td></tr>")
        .append("<tr><th>Run</th><td>").append(result.startedAt()).append(" — ").append(result.finishedAt()).append("</td></tr>")
        .append("<tr><th>Counts</th><td>").append(esc(result.counts().toString())).append("</td></tr>")
        .append("<tr><th>Transcript head</th><td><code>").append(result.transcript().headHash()).append("</code></td></tr></table>\n");
    h.append("<h2>Checks</h2>\n<table><tr><th>Status</th><th>Scenario</th><th>Check</th><th>Requirements</th><th>Result</th></tr>\n");
    result.outcomes().stream().filter(CheckOutcome::failed).forEach(o -> row(h, o));
    result.outcomes().stream().filter(o -> !o.failed()).forEach(o -> row(h, o));
    h.append("</table>\n</body></html>\n");
    return h.toString();
  }

  private static void row(StringBuilder h, CheckOutcome o) {
    h.append("<tr><td class=\"").append(o.status().name()).append("\">").append(o.status().name())
        .append(o.mandatory() ? "" : " <small>(optional)</small>").append("</td><td>").append(esc(o.scenarioId()))
        .append("</td><td><b>").append(esc(o.check())).append("</b><br><small>").append(esc(o.description()))
        .append("</small></td><td><small>").append(esc(String.join(" ", o.requirements().stream().sorted().toList())))
        .append("</small></td><td>").append(esc(o.result().summary()));
    if (!o.result().evidence().isEmpty()) {
      h.append("<pre>").append(esc(String.join("\n", o.result().evidence()))).append("</pre>");
    }
    h.append("</td></tr>\n");
  }

  private static String esc(String s) {
    return JUnitXmlReport.esc(s);
  }
}
