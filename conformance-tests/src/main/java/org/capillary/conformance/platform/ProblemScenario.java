package org.capillary.conformance.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.plan.Transcript;

/**
 * Sends a catalogue of requests the gateway must refuse, one per {@link ProblemCase}; each case is
 * judged by its own {@link ExpectProblemCodeRejected}, and all answers by the shared checks given.
 */
public final class ProblemScenario implements Scenario<ProblemRun> {

  private final String id;
  private final String description;
  private final List<ProblemCase> cases;
  private final List<Check<? super ProblemRun>> shared;

  /**
   * A catalogue.
   *
   * @param id the scenario id
   * @param description what it sends
   * @param cases the cases, in order
   * @param shared checks over every answer (problem document shape, headers)
   */
  public ProblemScenario(String id, String description, List<ProblemCase> cases, List<Check<? super ProblemRun>> shared) {
    this.id = id;
    this.description = description;
    this.cases = List.copyOf(cases);
    this.shared = List.copyOf(shared);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public ProblemRun setUp(RunSettings settings, Transcript transcript) {
    PlatformSession session = PlatformSession.open(settings, transcript);
    Map<String, Exchange> exchanges = new LinkedHashMap<>();
    for (ProblemCase c : cases) {
      exchanges.put(c.name(), c.send().apply(session));
    }
    return new ProblemRun(exchanges);
  }

  @Override
  public List<Check<? super ProblemRun>> checks() {
    List<Check<? super ProblemRun>> checks = new ArrayList<>();
    cases.forEach(c -> checks.add(new ExpectProblemCodeRejected(c)));
    checks.addAll(shared);
    return checks;
  }
}
