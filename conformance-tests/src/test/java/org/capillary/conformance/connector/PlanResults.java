package org.capillary.conformance.connector;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Plan;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.plan.Status;
import org.capillary.conformance.plan.Transcript;

/**
 * Runs scenarios of a plan the way the runner does (set up, every check, tear down) and keeps each
 * check's result, so tests can name the checks that failed. A stand-in for the core runner, kept
 * to what these tests need.
 */
final class PlanResults {

  /** Every transcript entry, for tests that look at the evidence. */
  final List<String> transcript = new ArrayList<>();
  private final Map<String, Map<String, CheckResult>> results = new LinkedHashMap<>();

  static RunSettings settings(Path workDir, TestKeys keys) {
    return new RunSettings(Clock.systemUTC(), workDir, Duration.ofSeconds(5), Map.of(
        ConnectorScenario.CONNECTOR_ID, keys.connectorId(),
        ConnectorScenario.CONNECTOR_JWKS, keys.writePublicJwks(workDir).toString(),
        FaultSettings.RETRY_AFTER_SECONDS, "1",
        FaultSettings.SLOW_ANSWER_MILLIS, "4000"));
  }

  static PlanResults run(Plan plan, RunSettings settings, String... scenarioIds) throws Exception {
    PlanResults out = new PlanResults();
    Set<String> wanted = Set.of(scenarioIds);
    for (Scenario<?> s : plan.scenarios()) {
      if (wanted.isEmpty() || wanted.contains(s.id())) {
        out.runScenario(s, settings);
      }
    }
    return out;
  }

  private <C> void runScenario(Scenario<C> scenario, RunSettings settings) throws Exception {
    Transcript t = (kind, data) -> transcript.add(kind + " " + data);
    C context = scenario.setUp(settings, t);
    Map<String, CheckResult> byCheck = new LinkedHashMap<>();
    try {
      for (Check<? super C> check : scenario.checks()) {
        byCheck.put(check.name(), check.run(context, t));
      }
    } finally {
      scenario.tearDown(context);
    }
    results.put(scenario.id(), byCheck);
  }

  /** The names of the checks that failed in a scenario. */
  Set<String> failed(String scenarioId) {
    Set<String> names = new TreeSet<>();
    results.get(scenarioId).forEach((name, r) -> {
      if (r.status() == Status.FAIL || r.status() == Status.ERROR) {
        names.add(name);
      }
    });
    return names;
  }

  /** Every scenario's failed checks, scenario id → names (for a readable assertion message). */
  Map<String, Set<String>> failures() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    results.keySet().forEach(id -> out.put(id, failed(id)));
    return out;
  }

  CheckResult result(String scenarioId, String check) {
    return results.get(scenarioId).get(check);
  }

  Set<String> scenarios() {
    return results.keySet();
  }
}
