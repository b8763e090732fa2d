package org.capillary.conformance.report;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of verifying a certification report.
 *
 * @param problems every reason the report cannot be trusted, each precise; empty when it verifies
 * @param notes remarks that do not invalidate it (e.g. issued by another suite version)
 * @param claims the verified claims, or {@code null} if the signature did not verify
 */
public record ReportVerification(List<String> problems, List<String> notes, @Nullable JsonNode claims) {

  /** Copies. */
  public ReportVerification {
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  /** Whether the report verifies. */
  public boolean valid() {
    return problems.isEmpty();
  }
}
