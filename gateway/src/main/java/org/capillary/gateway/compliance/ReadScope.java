package org.capillary.gateway.compliance;

import java.util.ArrayList;
import java.util.List;
import org.capillary.gateway.connector.Connector;

/**
 * What a caller may read, as an SQL condition on a table with {@code insurer_connector_id} and
 * {@code subdistrict_code} columns: operators everything, insurers the projects their policies
 * cover, sub-district offices their area, anyone else nothing.
 *
 * @param condition the condition (with ? placeholders)
 * @param parameters its parameters
 */
public record ReadScope(String condition, List<Object> parameters) {

  /**
   * @param caller the authenticated connector
   * @param alias the table alias (e.g. "h"), or "" for none
   * @return its scope
   */
  public static ReadScope of(Connector caller, String alias) {
    String p = alias.isEmpty() ? "" : alias + ".";
    return switch (caller.role()) {
      case OPERATOR -> new ReadScope("1 = 1", List.of());
      case INSURER -> new ReadScope(p + "insurer_connector_id = ?", List.of(caller.connectorId()));
      case SUBDISTRICT_OFFICE -> {
        if (caller.subdistrictCodes().isEmpty()) {
          yield new ReadScope("1 = 0", List.of());
        }
        List<Object> codes = new ArrayList<>(caller.subdistrictCodes());
        yield new ReadScope(p + "subdistrict_code IN (" + "?, ".repeat(codes.size() - 1) + "?)", codes);
      }
      default -> new ReadScope("1 = 0", List.of());
    };
  }
}
