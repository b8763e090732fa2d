package org.capillary.gateway.projection;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What applying one submission to the projections did.
 *
 * @param projects the projects whose facts changed (their obligations are evaluated next)
 * @param rejection why a business rule refused the submission's effect (it stays in the ledger,
 *     with status REJECTED_BY_RULES and this detail), or null when it took effect
 */
public record Applied(Set<String> projects, @Nullable String rejection) {

  /** Copies the projects, keeping their order. */
  public Applied {
    projects = Collections.unmodifiableSet(new LinkedHashSet<>(projects));
  }

  /** Took effect on these projects. */
  public static Applied on(Set<String> projects) {
    return new Applied(projects, null);
  }

  /** Took effect on no project. */
  public static Applied none() {
    return new Applied(Set.of(), null);
  }

  /** Refused by a rule, with the reason; the projects still changed (e.g. a record was kept). */
  public static Applied rejected(Set<String> projects, String reason) {
    return new Applied(projects, reason);
  }
}
