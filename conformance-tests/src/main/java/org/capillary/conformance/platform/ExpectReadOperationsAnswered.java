package org.capillary.conformance.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.capillary.conformance.ContractDocument;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Status;
import org.capillary.conformance.plan.Transcript;
import org.capillary.spec.contract.Operation;
import org.capillary.spec.validation.Violation;

/**
 * Every read operation answers 200 with a body that validates against the schema its operation
 * declares for 200 (media content: the bytes uploaded). Cites the read operations' {@code x-req}.
 */
public final class ExpectReadOperationsAnswered implements Check<ReadRun> {

  private static final ContractDocument DOCUMENT = ContractDocument.load();

  @Override
  public String description() {
    return "Every GET operation of the contract answers 200 with a body valid against its declared schema.";
  }

  @Override
  public Set<String> requirements() {
    Set<String> ids = new TreeSet<>();
    PlatformSession.sharedContract().operations().values().stream().filter(op -> op.method().equals("GET"))
        .filter(op -> !ReadOperationsScenario.ELSEWHERE.contains(op.operationId()))
        .forEach(op -> op.requirementIds().stream().filter(id -> id.startsWith("CAP-")).forEach(ids::add));
    return ids;
  }

  @Override
  public CheckResult run(ReadRun run, Transcript transcript) {
    List<String> wrong = new ArrayList<>();
    for (ReadRun.Read read : run.reads()) {
      wrong.addAll(defects(read, run.mediaContent()));
    }
    List<String> evidence = new ArrayList<>(wrong);
    run.unexercised().forEach(u -> evidence.add("not exercised: " + u));
    if (run.reads().isEmpty()) {
      return CheckResult.fail("no read was sent", evidence);
    }
    return wrong.isEmpty() ? new CheckResult(Status.PASS, run.reads().size() + " reads answered as declared", evidence)
        : CheckResult.fail(wrong.size() + " reads not answered as declared", evidence);
  }

  private static List<String> defects(ReadRun.Read read, byte[] mediaContent) {
    Operation op = read.operation();
    Exchange e = read.exchange();
    if (e.status() != 200) {
      return List.of(e.brief() + " " + e.bodyText(300));
    }
    if (op.operationId().equals("getMediaContent")) {
      return Arrays.equals(e.responseBody(), mediaContent) ? List.of() : List.of(e.brief() + ": not the bytes uploaded");
    }
    List<String> wrong = new ArrayList<>();
    String schema = DOCUMENT.response(op.operationId(), 200).map(r -> r.schemas().get("application/json")).orElse(null);
    if (schema != null) {
      for (Violation v : PlatformSession.sharedValidator().validateAgainst(schema, e.json())) {
        wrong.add(op.operationId() + ": " + schema + " " + v.pointer() + " " + v.code() + " " + v.detail());
      }
    }
    return wrong;
  }
}
