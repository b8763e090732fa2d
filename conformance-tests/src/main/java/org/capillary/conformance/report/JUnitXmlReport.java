package org.capillary.conformance.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capillary.conformance.plan.Status;
import org.capillary.conformance.run.CheckOutcome;
import org.capillary.conformance.run.RunResult;

/**
 * The results as JUnit XML ({@code junit.xml}), for CI servers: one {@code testsuite} per scenario
 * ({@code <plan>.<scenario>}), one {@code testcase} per check. FAIL is a {@code failure}, ERROR an
 * {@code error}, NOT_APPLICABLE {@code skipped}; the message is the summary and the body the
 * evidence, one item a line.
 */
public final class JUnitXmlReport {

  private JUnitXmlReport() {}

  /**
   * Renders the XML.
   *
   * @param result the run
   * @return the document
   */
  public static String of(RunResult result) {
    Map<String, List<CheckOutcome>> byScenario = new LinkedHashMap<>();
    result.outcomes().forEach(o -> byScenario.computeIfAbsent(o.scenarioId(), k -> new java.util.ArrayList<>()).add(o));
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuites name=\"").append(esc(result.planId())).append("\" tests=\"").append(result.outcomes().size())
        .append("\" failures=\"").append(result.counts().get(Status.FAIL))
        .append("\" errors=\"").append(result.counts().get(Status.ERROR)).append("\">\n");
    byScenario.forEach((scenario, outcomes) -> {
      String suite = result.planId() + "." + scenario;
      xml.append("  <testsuite name=\"").append(esc(suite)).append("\" tests=\"").append(outcomes.size())
          .append("\" failures=\"").append(count(outcomes, Status.FAIL))
          .append("\" errors=\"").append(count(outcomes, Status.ERROR))
          .append("\" skipped=\"").append(count(outcomes, Status.NOT_APPLICABLE)).append("\">\n");
      for (CheckOutcome o : outcomes) {
        xml.append("    <testcase classname=\"").append(esc(suite)).append("\" name=\"").append(esc(o.check())).append('"');
        String body = String.join("\n", o.result().evidence());
        switch (o.status()) {
          case PASS -> xml.append("/>\n");
          case FAIL -> element(xml, "failure", o, body);
          case ERROR -> element(xml, "error", o, body);
          case NOT_APPLICABLE -> xml.append(">\n      <skipped message=\"").append(esc(o.result().summary())).append("\"/>\n    </testcase>\n");
        }
      }
      xml.append("  </testsuite>\n");
    });
    return xml.append("</testsuites>\n").toString();
  }

  private static void element(StringBuilder xml, String name, CheckOutcome o, String body) {
    xml.append(">\n      <").append(name).append(" message=\"").append(esc(o.result().summary()))
        .append("\" type=\"").append(o.mandatory() ? "mandatory" : "optional").append("\">")
        .append(esc(body)).append("</").append(name).append(">\n    </testcase>\n");
  }

  private static long count(List<CheckOutcome> outcomes, Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          // XML 1.0 forbids most control characters even as references
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            out.append('?');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
