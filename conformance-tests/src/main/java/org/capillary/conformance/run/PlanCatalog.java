package org.capillary.conformance.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.capillary.conformance.plan.Plan;

/**
 * The plans on the class path: every {@link Plan} registered in
 * {@code META-INF/services/org.capillary.conformance.plan.Plan} (a public no-argument constructor
 * each), sorted by id.
 */
public final class PlanCatalog {

  private final List<Plan> plans;

  private PlanCatalog(List<Plan> plans) {
    this.plans = List.copyOf(plans);
  }

  /**
   * Loads the registered plans.
   *
   * @return the catalog
   * @throws IllegalStateException if two plans share an id
   */
  public static PlanCatalog load() {
    List<Plan> plans = new ArrayList<>();
    ServiceLoader.load(Plan.class, PlanCatalog.class.getClassLoader()).forEach(plans::add);
    plans.sort(Comparator.comparing(Plan::id));
    for (int i = 1; i < plans.size(); i++) {
      if (plans.get(i).id().equals(plans.get(i - 1).id())) {
        throw new IllegalStateException("two plans have the id " + plans.get(i).id());
      }
    }
    return new PlanCatalog(plans);
  }

  /** Every plan, sorted by id. */
  public List<Plan> plans() {
    return plans;
  }

  /**
   * Finds a plan.
   *
   * @param id its id
   * @return the plan, if registered
   */
  public Optional<Plan> plan(String id) {
    return plans.stream().filter(p -> p.id().equals(id)).findFirst();
  }
}
