package org.capillary.gateway.compliance;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One obligation of a project under a rule of the profile.
 *
 * @param obligationId stable id within the project: {@code <ruleId>} or {@code <ruleId>:<subject>}
 * @param ruleId the rule, e.g. R-20
 * @param title the rule's title
 * @param dueAt when it falls due; null while its anchor is unknown
 * @param state its state
 * @param satisfiedBy ids of the records that satisfy it
 * @param detail a short explanation
 * @param dueSoon PENDING and within the profile's due-soon lead time of its due time
 */
public record Obligation(
    String obligationId,
    String ruleId,
    String title,
    @Nullable Instant dueAt,
    ObligationState state,
    List<String> satisfiedBy,
    @Nullable String detail,
    boolean dueSoon) {

  public Obligation {
    satisfiedBy = List.copyOf(satisfiedBy);
  }
}
