package org.capillary.conformance.support;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Plan;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.plan.Transcript;
import tools.jackson.databind.node.JsonNodeFactory;

/** Small plans with scripted checks, for tests of the runner and the reports. */
public final class FakePlans {

  private FakePlans() {}

  /** A fixed clock. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  /** Settings for fake runs. */
  public static RunSettings settings(Path work) {
    return new RunSettings(CLOCK, work, Duration.ofSeconds(5), Map.of("target", "fake-target"));
  }

  /** A check with a scripted result (or exception). */
  public record Scripted(String name, boolean mandatory, CheckResult result, boolean throwing) implements Check<String> {
    @Override
    public String description() {
      return "scripted " + name;
    }

    @Override
    public Set<String> requirements() {
      return Set.of("CAP-SIG-07");
    }

    @Override
    public CheckResult run(String context, Transcript transcript) {
      transcript.record("observation", JsonNodeFactory.instance.objectNode().put("check", name).put("context", context));
      if (throwing) {
        throw new IllegalStateException("boom in " + name);
      }
      return result;
    }
  }

  /** A scenario with given checks; records set-up and tear-down. */
  public static final class ScriptedScenario implements Scenario<String> {
    private final String id;
    private final boolean failSetUp;
    private final List<Check<? super String>> checks;
    /** What happened, in order. */
    public final List<String> events = new ArrayList<>();

    public ScriptedScenario(String id, boolean failSetUp, List<Check<? super String>> checks) {
      this.id = id;
      this.failSetUp = failSetUp;
      this.checks = checks;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String description() {
      return "scripted scenario " + id;
    }

    @Override
    public String setUp(RunSettings settings, Transcript transcript) {
      events.add("setUp");
      if (failSetUp) {
        throw new IllegalStateException("cannot reach the target");
      }
      return "context of " + id;
    }

    @Override
    public List<Check<? super String>> checks() {
      return checks;
    }

    @Override
    public void tearDown(String context) {
      events.add("tearDown " + context);
    }
  }

  /** A plan of given scenarios. */
  public record ScriptedPlan(String id, List<Scenario<?>> scenarios) implements Plan {
    @Override
    public String role() {
      return "fake";
    }

    @Override
    public String description() {
      return "a scripted plan";
    }
  }

  /** A plan whose checks all pass, except those given. */
  public static Plan plan(Check<? super String>... checks) {
    return new ScriptedPlan("fake", List.of(new ScriptedScenario("only", false, List.of(checks))));
  }

  public static Scripted pass(String name) {
    return new Scripted(name, true, CheckResult.pass(name + " holds", "evidence of " + name), false);
  }

  public static Scripted fail(String name, boolean mandatory) {
    return new Scripted(name, mandatory, CheckResult.fail(name + " does not hold", "seen <b>&\"odd\"</b>"), false);
  }
}
