package org.capillary.conformance.run;

import java.util.HashSet;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.Plan;
import org.capillary.conformance.plan.Scenario;

/**
 * Which optional checks a run leaves out. Mandatory checks cannot be deselected (OBIE suite v2): a
 * selection naming one is refused before anything runs, and a deselected optional check still
 * appears in the results, as NOT_APPLICABLE "deselected".
 */
public final class CheckSelection {

  private final Set<String> deselected;

  private CheckSelection(Set<String> deselected) {
    this.deselected = Set.copyOf(deselected);
  }

  /** Every check runs. */
  public static CheckSelection all() {
    return new CheckSelection(Set.of());
  }

  /**
   * Leaves out the named optional checks of a plan.
   *
   * @param plan the plan
   * @param checkNames check names ({@link Check#name()})
   * @return the selection
   * @throws IllegalArgumentException if a name is not a check of the plan, or names a mandatory check
   */
  public static CheckSelection without(Plan plan, Set<String> checkNames) {
    Set<String> known = new HashSet<>();
    for (Scenario<?> scenario : plan.scenarios()) {
      for (Check<?> check : scenario.checks()) {
        known.add(check.name());
        if (check.mandatory() && checkNames.contains(check.name())) {
          throw new IllegalArgumentException("mandatory check " + check.name() + " cannot be deselected");
        }
      }
    }
    for (String name : checkNames) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("plan " + plan.id() + " has no check " + name);
      }
    }
    return new CheckSelection(checkNames);
  }

  /** Whether the check runs. */
  public boolean runs(Check<?> check) {
    return check.mandatory() || !deselected.contains(check.name());
  }
}
