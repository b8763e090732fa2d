package org.capillary.conformance.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.spec.validation.Violation;

/**
 * Every accepted write is answered with a SubmissionReceipt body (the contract's schema) naming the
 * operation and the connector, with a Location header and the request id echoed.
 */
public final class ValidateReceiptBodies implements Check<WriteRun> {

  @Override
  public String description() {
    return "Accepted writes answer a SubmissionReceipt that validates, names the operation and connector, with Location and X-Request-Id.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-SIG-19");
  }

  @Override
  public CheckResult run(WriteRun run, Transcript transcript) {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (WriteRun.Attempt a : run.accepted()) {
      Exchange e = a.exchange();
      if (e.status() != 201) {
        continue;
      }
      checked++;
      String schema = "schemas/SubmissionReceipt.json";
      for (Violation v : PlatformSession.sharedValidator().validateAgainst(schema, e.json())) {
        wrong.add(a + ": " + v.pointer() + " " + v.code() + " " + v.detail());
      }
      if (!a.operation().operationId().equals(e.json().path("operationId").asString(""))) {
        wrong.add(a + ": operationId " + e.json().path("operationId") + " is not " + a.operation().operationId());
      }
      if (!a.connectorId().equals(e.json().path("connectorId").asString(""))) {
        wrong.add(a + ": connectorId " + e.json().path("connectorId") + " is not " + a.connectorId());
      }
      if (e.header("Location").isEmpty()) {
        wrong.add(a + ": no Location header");
      }
      String sent = e.requestHeaders().get("X-Request-Id");
      if (sent != null && !sent.equals(e.header("X-Request-Id").orElse(null))) {
        wrong.add(a + ": X-Request-Id not echoed");
      }
    }
    if (checked == 0) {
      return CheckResult.fail("no write was accepted: nothing to validate");
    }
    return wrong.isEmpty() ? CheckResult.pass(checked + " receipt bodies validate") : CheckResult.fail(wrong.size() + " defects", wrong);
  }
}
