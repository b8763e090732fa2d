package org.capillary.gateway.compliance;

import java.util.List;
import java.util.Map;

/**
 * The hazard ledger as CSV (RFC 4180, UTF-8, CRLF): one row per hazard with the columns of the
 * three lists — problem (问题清单), responsible person (责任清单) and deadline (整改时限清单).
 * Personal data stays masked.
 */
public final class HazardCsv {

  static final List<String> COLUMNS = List.of("hazardId", "projectId", "subdistrictCode", "source", "sourceRef",
      "category", "grade", "majorCriterionRef", "description", "location", "responsiblePerson", "responsibleMobile",
      "requiredMeasures", "rectificationDeadline", "status", "overdue", "stopWorkRequired", "detectedAt", "closedAt");

  private HazardCsv() {}

  /**
   * @param hazards hazards as the JSON pages show them
   * @return the CSV text
   */
  public static String write(List<Map<String, Object>> hazards) {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    for (Map<String, Object> h : hazards) {
      @SuppressWarnings("unchecked")
      Map<String, Object> person = (Map<String, Object>) h.get("responsiblePerson");
      @SuppressWarnings("unchecked")
      Map<String, Object> stop = (Map<String, Object>) h.get("stopWork");
      @SuppressWarnings("unchecked")
      List<Object> measures = (List<Object>) h.get("requiredMeasures");
      List<Object> row = List.of(
          v(h.get("hazardId")), v(h.get("projectId")), v(h.get("subdistrictCode")), v(h.get("source")),
          v(h.get("sourceRef")), v(h.get("category")), v(h.get("grade")), v(h.get("majorCriterionRef")),
          v(h.get("description")), v(h.get("location")), v(person == null ? null : person.get("name")),
          v(person == null ? null : person.get("mobile")),
          measures == null ? "" : String.join("；", measures.stream().map(String::valueOf).toList()),
          v(h.get("rectificationDeadline")), v(h.get("status")), v(h.get("overdue")),
          v(stop == null ? null : stop.get("required")), v(h.get("detectedAt")), v(h.get("closedAt")));
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(escape(String.valueOf(row.get(i))));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static String v(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  /** Quotes a field when it holds a comma, quote or line break; a leading =+-@ is defused. */
  static String escape(String field) {
    String f = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
    if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
      return "\"" + f.replace("\"", "\"\"") + "\"";
    }
    return f;
  }
}
