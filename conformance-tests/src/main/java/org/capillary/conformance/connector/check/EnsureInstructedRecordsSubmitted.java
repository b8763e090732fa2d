package org.capillary.conformance.connector.check;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.capillary.conformance.connector.ConnectorCycle;
import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.connector.Instructions;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.conformance.sandbox.ReceivedRequest;
import tools.jackson.databind.JsonNode;

/**
 * The connector did its job despite the faults: every instructed media file was uploaded
 * completely, and every instructed record was filed (answered 201, first time or replayed) at the
 * instructed target with the instructed body — each media placeholder standing for a completed
 * upload of that file's digest. Requirements: those of the instructed operations.
 */
public final class EnsureInstructedRecordsSubmitted implements Check<ConnectorRun> {

  private final Set<String> requirements;

  /**
   * @param operationIds the operations the plan instructs (their {@code x-req} are cited)
   * @throws IllegalArgumentException if an operation is not in the contract
   */
  public EnsureInstructedRecordsSubmitted(Set<String> operationIds) {
    Set<String> ids = new TreeSet<>();
    for (String op : operationIds) {
      ids.addAll(ConnectorRun.contract().operation(op)
          .orElseThrow(() -> new IllegalArgumentException("unknown operation " + op)).requirementIds());
    }
    this.requirements = Set.copyOf(ids);
  }

  @Override
  public String description() {
    return "Every instructed media file is uploaded and every instructed record is filed, with the instructed content.";
  }

  @Override
  public Set<String> requirements() {
    return requirements;
  }

  @Override
  public CheckResult run(ConnectorRun run, Transcript transcript) {
    if (run.cycle() == ConnectorCycle.CONNECTOR_DEFINED) {
      return CheckResult.notApplicable("connector.cycle=connector-defined: the connector filed its own cycle, not the "
          + "instructions; its requests are judged by the other checks, and EnsureConnectorCompletedDespiteFaults "
          + "requires it to finish after meeting every fault");
    }
    List<String> missing = new ArrayList<>();
    Map<String, String> uploads = run.completedUploads();
    for (Instructions.Media m : run.instructions().media()) {
      if (!uploads.containsValue(m.sha256())) {
        missing.add("media " + m.ref() + " (" + m.sha256() + ") was not uploaded completely");
      }
    }
    for (Instructions.Record record : run.instructions().records()) {
      String target = record.path(ConnectorRun.contract());
      boolean filed = run.received().stream().anyMatch(r -> r.submissionId() != null
          && record.operationId().equals(r.operationId()) && target.equals(r.target())
          && matches(record.body(), Attempts.json(r), run));
      if (!filed) {
        missing.add("record " + record.ref() + " (" + record.operationId() + " " + target + ") was not filed as instructed");
      }
    }
    int total = run.instructions().media().size() + run.instructions().records().size();
    if (!missing.isEmpty()) {
      missing.add("the connector said: " + run.outcome().detail());
      return CheckResult.fail((missing.size() - 1) + " of " + total + " instructed items missing", missing);
    }
    return CheckResult.pass("all " + total + " instructed items arrived (connector: " + run.outcome().detail() + ")");
  }

  /** Tree equality where {@code "$media:<ref>"} matches the id of any completed upload of that media's digest. */
  private static boolean matches(JsonNode expected, @org.jspecify.annotations.Nullable JsonNode actual, ConnectorRun run) {
    if (actual == null) {
      return false;
    }
    if (expected.isString() && expected.asString().startsWith(Instructions.MEDIA_PLACEHOLDER)) {
      String ref = expected.asString().substring(Instructions.MEDIA_PLACEHOLDER.length());
      String sha256 = run.instructions().media().stream().filter(m -> m.ref().equals(ref))
          .map(Instructions.Media::sha256).findFirst().orElse("");
      return actual.isString() && sha256.equals(run.completedUploads().get(actual.asString()));
    }
    if (expected.isNumber()) {
      return actual.isNumber() && expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isObject()) {
      if (!actual.isObject() || actual.size() != expected.size()) {
        return false;
      }
      for (String name : expected.propertyNames()) {
        if (!actual.has(name) || !matches(expected.get(name), actual.get(name), run)) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        return false;
      }
      Iterator<JsonNode> a = actual.iterator();
      for (JsonNode e : expected) {
        if (!matches(e, a.next(), run)) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }
}
