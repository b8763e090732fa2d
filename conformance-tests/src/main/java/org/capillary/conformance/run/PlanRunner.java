package org.capillary.conformance.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Plan;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.plan.Status;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a plan: for each scenario in order, {@link Scenario#setUp}, every selected check, then
 * {@link Scenario#tearDown} (always). A set-up that throws makes each of the scenario's checks
 * ERROR; a check that throws is ERROR; neither stops the run. Every step and every check result is
 * appended to the run's {@link HashChainedTranscript}.
 *
 * <p>Stateless and thread-safe; one instance can run many plans.
 */
public final class PlanRunner {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Runs every check of a plan.
   *
   * @param plan the plan
   * @param settings the run's settings
   * @return the result
   */
  public RunResult run(Plan plan, RunSettings settings) {
    return run(plan, settings, CheckSelection.all());
  }

  /**
   * Runs the selected checks of a plan.
   *
   * @param plan the plan
   * @param settings the run's settings
   * @param selection which optional checks to leave out
   * @return the result
   */
  public RunResult run(Plan plan, RunSettings settings, CheckSelection selection) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(selection, "selection");
    HashChainedTranscript transcript = new HashChainedTranscript();
    Instant startedAt = settings.clock().instant();
    ObjectNode start = NODES.objectNode().put("plan", plan.id()).put("role", plan.role()).put("startedAt", startedAt.toString());
    ArrayNode names = start.putArray("settings");
    settings.values().keySet().stream().sorted().forEach(names::add); // names only: values may be key paths
    transcript.record("run", start);
    List<CheckOutcome> outcomes = new ArrayList<>();
    for (Scenario<?> scenario : plan.scenarios()) {
      runScenario(scenario, settings, selection, transcript, outcomes);
    }
    Instant finishedAt = settings.clock().instant();
    long failed = outcomes.stream().filter(o -> o.mandatory() && o.failed()).count();
    transcript.record("run-end", NODES.objectNode().put("finishedAt", finishedAt.toString())
        .put("checks", outcomes.size()).put("mandatoryFailed", failed));
    return new RunResult(plan.id(), plan.role(), startedAt, finishedAt, outcomes, transcript);
  }

  private <C> void runScenario(Scenario<C> scenario, RunSettings settings, CheckSelection selection,
      HashChainedTranscript transcript, List<CheckOutcome> outcomes) {
    transcript.record("scenario", NODES.objectNode().put("scenario", scenario.id()).put("description", scenario.description()));
    C context = null;
    Exception setUpFailure = null;
    try {
      context = scenario.setUp(settings, transcript);
    } catch (Exception e) {
      setUpFailure = e;
      transcript.record("scenario-error", NODES.objectNode().put("scenario", scenario.id()).put("phase", "setUp")
          .put("error", describe(e)));
    }
    try {
      for (Check<? super C> check : scenario.checks()) {
        CheckResult result;
        if (!selection.runs(check)) {
          result = CheckResult.notApplicable("deselected for this run (optional check)");
        } else if (setUpFailure != null) {
          result = new CheckResult(Status.ERROR, "scenario set-up failed: " + describe(setUpFailure), List.of());
        } else {
          result = runCheck(check, context, transcript);
        }
        CheckOutcome outcome = new CheckOutcome(scenario.id(), check.name(), check.description(), check.requirements(),
            check.mandatory(), result);
        outcomes.add(outcome);
        transcript.record("check", toJson(outcome));
      }
    } finally {
      try {
        scenario.tearDown(context);
      } catch (Exception e) {
        transcript.record("scenario-error", NODES.objectNode().put("scenario", scenario.id()).put("phase", "tearDown")
            .put("error", describe(e)));
      }
    }
  }

  private static <C> CheckResult runCheck(Check<? super C> check, C context, HashChainedTranscript transcript) {
    try {
      CheckResult result = check.run(context, transcript);
      return result == null ? new CheckResult(Status.ERROR, "the check returned no result", List.of()) : result;
    } catch (Exception | AssertionError e) {
      return new CheckResult(Status.ERROR, "the check threw " + describe(e), List.of());
    }
  }

  /** The transcript's form of an outcome; the certification verifier compares reports with it. */
  static ObjectNode toJson(CheckOutcome outcome) {
    ObjectNode json = NODES.objectNode()
        .put("scenario", outcome.scenarioId())
        .put("check", outcome.check())
        .put("mandatory", outcome.mandatory())
        .put("status", outcome.status().name())
        .put("summary", outcome.result().summary());
    ArrayNode reqs = json.putArray("requirements");
    outcome.requirements().stream().sorted().forEach(reqs::add);
    ArrayNode evidence = json.putArray("evidence");
    outcome.result().evidence().forEach(evidence::add);
    return json;
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
