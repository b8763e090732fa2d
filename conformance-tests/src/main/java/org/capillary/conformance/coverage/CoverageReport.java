package org.capillary.conformance.coverage;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Which requirement ids the checks cover, and why the others are not.
 *
 * @param covered every covered id with the checks that cite it ({@code plan/scenario/check})
 * @param notTested every uncovered id that has a recorded reason, with the reason
 * @param unexplained uncovered ids without a reason: a build failure
 * @param unknownCitations ids cited by a check ({@code plan/scenario/check}) that the ledger does not know: a build failure
 * @param staleReasons ids with a reason that are covered or no longer in the ledger: a build failure
 */
public record CoverageReport(SortedMap<String, List<String>> covered, SortedMap<String, String> notTested,
    SortedSet<String> unexplained, SortedMap<String, Set<String>> unknownCitations, SortedSet<String> staleReasons) {

  /** Whether the ledger and the checks agree: every id covered or explained, every citation known. */
  public boolean consistent() {
    return unexplained.isEmpty() && unknownCitations.isEmpty() && staleReasons.isEmpty();
  }

  /** The report as text, one id a line. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append("requirements: ").append(covered.size() + notTested.size() + unexplained.size()).append(", covered: ")
        .append(covered.size()).append(", not tested (with reason): ").append(notTested.size())
        .append(", unexplained: ").append(unexplained.size()).append('\n');
    covered.forEach((id, checks) -> b.append("COVERED     ").append(id).append("  ").append(String.join(", ", checks)).append('\n'));
    notTested.forEach((id, reason) -> b.append("NOT TESTED  ").append(id).append("  ").append(reason).append('\n'));
    unexplained.forEach(id -> b.append("UNEXPLAINED ").append(id).append("  (no check covers it and requirements-not-tested.csv gives no reason)\n"));
    unknownCitations.forEach((check, ids) -> b.append("UNKNOWN     ").append(check).append(" cites ").append(ids).append(", not in the ledger\n"));
    staleReasons.forEach(id -> b.append("STALE       ").append(id).append(" has a not-tested reason but is covered or not in the ledger\n"));
    return b.toString();
  }
}
