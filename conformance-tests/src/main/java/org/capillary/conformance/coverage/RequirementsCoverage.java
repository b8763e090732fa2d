package org.capillary.conformance.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.capillary.conformance.RequirementsLedger;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.Plan;
import org.capillary.conformance.plan.Scenario;

/** Computes a {@link CoverageReport} from plans, the ledger and the not-tested reasons. */
public final class RequirementsCoverage {

  /** The rule profile whose rules are part of the ledger. */
  public static final String RULE_PROFILE = "rules/futian-2025.yaml";

  private RequirementsCoverage() {}

  /**
   * Computes coverage.
   *
   * @param plans the plans whose checks count
   * @param ledger every requirement id
   * @param reasons why uncovered ids are not tested
   * @return the report
   */
  public static CoverageReport compute(List<Plan> plans, RequirementsLedger ledger, Map<String, String> reasons) {
    TreeMap<String, List<String>> covered = new TreeMap<>();
    TreeMap<String, Set<String>> unknown = new TreeMap<>();
    for (Plan plan : plans) {
      for (Scenario<?> scenario : plan.scenarios()) {
        for (Check<?> check : scenario.checks()) {
          String where = plan.id() + "/" + scenario.id() + "/" + check.name();
          for (String id : check.requirements()) {
            if (ledger.ids().contains(id)) {
              List<String> checks = covered.computeIfAbsent(id, k -> new ArrayList<>());
              if (!checks.contains(where)) {
                checks.add(where);
              }
            } else {
              unknown.computeIfAbsent(where, k -> new TreeSet<>()).add(id);
            }
          }
        }
      }
    }
    TreeMap<String, String> notTested = new TreeMap<>();
    TreeSet<String> unexplained = new TreeSet<>();
    for (String id : ledger.ids()) {
      if (covered.containsKey(id)) {
        continue;
      }
      if (reasons.containsKey(id)) {
        notTested.put(id, reasons.get(id));
      } else {
        unexplained.add(id);
      }
    }
    TreeSet<String> stale = new TreeSet<>();
    reasons.keySet().stream().filter(id -> covered.containsKey(id) || !ledger.ids().contains(id)).forEach(stale::add);
    return new CoverageReport(covered, notTested, unexplained, unknown, stale);
  }
}
