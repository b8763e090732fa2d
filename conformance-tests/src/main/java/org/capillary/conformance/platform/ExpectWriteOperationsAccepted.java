package org.capillary.conformance.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.spec.contract.Operation;

/**
 * Every valid example of every write operation is accepted: 201 with a receipt. Cites the
 * operations' own requirement ids ({@code x-req}, rules excepted: accepting a record is not
 * evaluating a rule).
 */
public final class ExpectWriteOperationsAccepted implements Check<WriteRun> {

  @Override
  public String description() {
    return "Every valid example of every write operation of the contract is accepted with 201.";
  }

  @Override
  public Set<String> requirements() {
    // accepted requests were signed per §5 (signing input, header members, ES256 octets)
    Set<String> ids = new TreeSet<>(Set.of("CAP-SIG-11", "CAP-SIG-12", "CAP-SIG-14"));
    PlatformSession.sharedContract().operations().values().stream().filter(Operation::isWrite).filter(Operation::hasJsonBody)
        .forEach(op -> op.requirementIds().stream().filter(id -> id.startsWith("CAP-")).forEach(ids::add));
    return ids;
  }

  @Override
  public CheckResult run(WriteRun run, Transcript transcript) {
    List<String> wrong = new ArrayList<>();
    for (WriteRun.Attempt a : run.accepted()) {
      if (a.exchange().status() != 201) {
        wrong.add(a.exchange().brief() + " " + a.exchange().bodyText(400));
      }
    }
    List<String> evidence = new ArrayList<>(wrong);
    run.unexercised().forEach(u -> evidence.add("not exercised here: " + u));
    if (run.accepted().isEmpty()) {
      return CheckResult.fail("no valid example was sent", evidence);
    }
    return wrong.isEmpty()
        ? new CheckResult(org.capillary.conformance.plan.Status.PASS, run.accepted().size() + " valid examples accepted", evidence)
        : CheckResult.fail(wrong.size() + " of " + run.accepted().size() + " valid examples not accepted", evidence);
  }
}
