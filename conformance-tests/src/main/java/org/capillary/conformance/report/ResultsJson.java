package org.capillary.conformance.report;

import org.capillary.conformance.run.CheckOutcome;
import org.capillary.conformance.run.RunResult;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The machine-readable results of a run ({@code results.json}): every check with its evidence. */
public final class ResultsJson {

  private ResultsJson() {}

  /**
   * The results as JSON.
   *
   * @param result the run
   * @return {@code {plan, role, startedAt, finishedAt, status, mandatoryPassed, counts, transcriptHeadHash, results[]}}
   */
  public static ObjectNode of(RunResult result) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("plan", result.planId());
    json.put("role", result.role());
    json.put("startedAt", result.startedAt().toString());
    json.put("finishedAt", result.finishedAt().toString());
    json.put("status", CertificationStatus.of(result).label());
    json.put("mandatoryPassed", result.mandatoryPassed());
    ObjectNode counts = json.putObject("counts");
    result.counts().forEach((s, n) -> counts.put(s.name(), n));
    json.put("transcriptHeadHash", result.transcript().headHash());
    ArrayNode results = json.putArray("results");
    for (CheckOutcome o : result.outcomes()) {
      ObjectNode r = results.addObject();
      r.put("scenario", o.scenarioId());
      r.put("check", o.check());
      r.put("description", o.description());
      r.put("mandatory", o.mandatory());
      ArrayNode reqs = r.putArray("requirements");
      o.requirements().stream().sorted().forEach(reqs::add);
      r.put("status", o.status().name());
      r.put("summary", o.result().summary());
      ArrayNode evidence = r.putArray("evidence");
      o.result().evidence().forEach(evidence::add);
    }
    return json;
  }
}
