package org.capillary.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.capillary.conformance.plan.Plan;
import org.junit.jupiter.api.Test;

class PlanCatalogTest {

  @Test
  void findsThePlansRegisteredAsServices() {
    PlanCatalog catalog = PlanCatalog.load();
    assertThat(catalog.plans()).extracting(Plan::id).contains("platform", "pact").isSorted();
    assertThat(catalog.plan("platform")).isPresent();
    assertThat(catalog.plan("no-such-plan")).isEmpty();
  }

  @Test
  void everyPlanHasScenariosWithUniqueIdsAndNamedChecks() {
    for (Plan plan : PlanCatalog.load().plans()) {
      assertThat(plan.scenarios()).as(plan.id()).isNotEmpty();
      assertThat(plan.scenarios().stream().map(s -> s.id()).distinct().count()).as(plan.id()).isEqualTo(plan.scenarios().size());
      plan.scenarios().forEach(s -> s.checks().forEach(c -> {
        assertThat(c.name()).as(plan.id() + "/" + s.id()).matches("^(Check|Ensure|Validate|Expect)[A-Za-z0-9]+$");
        assertThat(c.requirements()).as(c.name()).isNotEmpty();
      }));
    }
  }
}
