package org.capillary.gateway.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The effects to run with each operation's appends, collected from {@link OperationEffect} beans. */
public final class SubmissionEffects {

  private final Map<String, List<SubmissionEffect>> byOperation;

  /** @param effects the effects, in the order they are to run */
  public SubmissionEffects(Collection<? extends OperationEffect> effects) {
    Map<String, List<SubmissionEffect>> map = new HashMap<>();
    for (OperationEffect e : effects) {
      map.computeIfAbsent(e.operationId(), k -> new ArrayList<>()).add(e);
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    this.byOperation = Map.copyOf(map);
  }

  /**
   * @param operationId an operationId
   * @return the effects of that operation, possibly none
   */
  public List<SubmissionEffect> forOperation(String operationId) {
    return byOperation.getOrDefault(operationId, List.of());
  }
}
