package org.capillary.conformance.connector.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.conformance.sandbox.FaultScript;
import org.capillary.conformance.sandbox.ReceivedRequest;

/**
 * The connector met every fault of the scenario and got over it: each scripted fault struck one of
 * its requests, a later request of the same operation was answered with success, and the connector
 * said it finished. Without this, a connector that gives up at the first fault (or never sends the
 * operation a fault is aimed at) would leave the retry checks nothing to judge.
 */
public final class EnsureConnectorCompletedDespiteFaults implements Check<ConnectorRun> {

  @Override
  public String description() {
    return "Every injected fault is met and recovered from (a later request of that operation succeeds), "
        + "and the connector finishes successfully.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-API-07", "CAP-IDM-01");
  }

  @Override
  public CheckResult run(ConnectorRun run, Transcript transcript) {
    List<String> bad = new ArrayList<>();
    List<ReceivedRequest> received = run.received();
    for (FaultScript.Rule rule : run.faults().rules()) {
      int struck = -1;
      for (int i = 0; i < received.size(); i++) {
        ReceivedRequest r = received.get(i);
        if (r.fault() != null && rule.operationId().equals(r.operationId()) && r.fault().equals(rule.fault())) {
          struck = i;
          break;
        }
      }
      String label = rule.operationId() + " #" + rule.occurrence() + " (" + rule.fault().label() + ")";
      if (struck < 0) {
        bad.add(label + ": never struck — the connector did not send that operation often enough");
        continue;
      }
      boolean recovered = received.subList(struck + 1, received.size()).stream()
          .anyMatch(r -> rule.operationId().equals(r.operationId()) && r.status() >= 200 && r.status() < 300);
      if (!recovered) {
        bad.add(label + ": struck " + received.get(struck).describe() + ", but no later " + rule.operationId()
            + " succeeded");
      }
    }
    if (!run.outcome().completed()) {
      bad.add("the connector did not finish successfully: " + run.outcome().detail());
    }
    int faults = run.faults().rules().size();
    return bad.isEmpty()
        ? CheckResult.pass(faults == 0 ? "no faults injected; the connector finished (" + run.outcome().detail() + ")"
            : "all " + faults + " fault(s) met and recovered from; the connector finished (" + run.outcome().detail() + ")")
        : CheckResult.fail(bad.size() + " problem(s)", bad);
  }
}
