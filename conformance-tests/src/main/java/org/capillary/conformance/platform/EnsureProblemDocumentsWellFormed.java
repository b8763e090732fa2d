package org.capillary.conformance.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.spec.validation.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal is an RFC 9457 {@code application/problem+json} document that validates against
 * the contract's Problem schema, with a registered {@code code}, the {@code type} URI derived from
 * it, {@code status} equal to the HTTP status and to the code's registered status, and the request
 * id echoed in the body and the {@code X-Request-Id} header.
 */
public final class EnsureProblemDocumentsWellFormed implements Check<ProblemRun> {

  static final String TYPE_BASE = "https://capillary.dev/problems/";

  private final Set<String> requirements;

  /**
   * The check for a catalogue.
   *
   * @param requirements the ids of the problems the catalogue provokes (each refusal's document
   *     is part of its requirement)
   */
  public EnsureProblemDocumentsWellFormed(Set<String> requirements) {
    this.requirements = Set.copyOf(requirements);
  }

  @Override
  public String description() {
    return "Every refusal is a problem+json document with a registered code, its type URI, the HTTP status and the echoed request id.";
  }

  @Override
  public Set<String> requirements() {
    return requirements;
  }

  @Override
  public CheckResult run(ProblemRun run, Transcript transcript) {
    List<String> wrong = new ArrayList<>();
    for (Exchange e : run.exchanges().values()) {
      wrong.addAll(problemsOf(e));
    }
    return wrong.isEmpty() ? CheckResult.pass(run.exchanges().size() + " problem documents are well formed")
        : CheckResult.fail(wrong.size() + " defects in problem documents", wrong);
  }

  /** What is wrong with one refusal's problem document; empty if nothing. */
  static List<String> problemsOf(Exchange e) {
    List<String> wrong = new ArrayList<>();
    String label = e.label() + " (" + e.status() + ")";
    if (e.status() < 400) {
      wrong.add(label + ": not a refusal");
      return wrong;
    }
    String type = e.header("Content-Type").orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
      wrong.add(label + ": Content-Type " + type + ", not application/problem+json");
      return wrong;
    }
    JsonNode problem = e.json();
    for (Violation v : PlatformSession.sharedValidator().validateAgainst("schemas/Problem.json", problem)) {
      wrong.add(label + ": Problem schema " + v.pointer() + " " + v.code());
    }
    String code = problem.path("code").asString("");
    ProblemCodes.of(code).ifPresentOrElse(c -> {
      if (c.status() != e.status()) {
        wrong.add(label + ": " + code + " is registered with status " + c.status());
      }
    }, () -> wrong.add(label + ": code " + code + " is not registered in problem-codes.yaml"));
    String expectedType = TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-');
    if (!expectedType.equals(problem.path("type").asString(""))) {
      wrong.add(label + ": type " + problem.path("type").asString("") + ", expected " + expectedType);
    }
    if (problem.path("status").asInt(-1) != e.status()) {
      wrong.add(label + ": status member " + problem.path("status") + " differs from HTTP " + e.status());
    }
    String sent = e.requestHeaders().get("X-Request-Id");
    if (sent != null && !sent.equals(e.header("X-Request-Id").orElse(null))) {
      wrong.add(label + ": X-Request-Id " + sent + " not echoed in the header (got " + e.header("X-Request-Id").orElse("none") + ")");
    }
    if (sent != null && !sent.equals(problem.path("requestId").asString(""))) {
      wrong.add(label + ": requestId " + problem.path("requestId").asString("") + " is not the request's " + sent);
    }
    return wrong;
  }
}
