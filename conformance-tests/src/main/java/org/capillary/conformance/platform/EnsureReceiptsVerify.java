package org.capillary.conformance.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/**
 * Every receipt verifies against the gateway's {@code /.well-known/jwks.json} and binds the request
 * that was sent: connector, operation, content digest, idempotency key and signature id.
 */
public final class EnsureReceiptsVerify implements Check<WriteRun> {

  @Override
  public String description() {
    return "Every receipt is a capillary-receipt+jws that verifies with a key of /.well-known/jwks.json and binds the request.";
  }

  @Override
  public Set<String> requirements() {
    Set<String> ids = new LinkedHashSet<>(List.of("CAP-SIG-19", "CAP-SIG-20"));
    PlatformSession.sharedContract().operation("getJwks").ifPresent(op -> ids.addAll(op.requirementIds()));
    return ids;
  }

  @Override
  public CheckResult run(WriteRun run, Transcript transcript) {
    if (run.jwks() == null) {
      return CheckResult.fail("the gateway's JWK Set could not be read", run.jwksExchange().brief(), run.jwksExchange().bodyText(300));
    }
    List<String> wrong = new ArrayList<>();
    int verified = 0;
    for (WriteRun.Attempt a : run.accepted()) {
      if (a.exchange().status() != 201) {
        continue;
      }
      List<String> defects = Receipts.defects(a.exchange(), a.operation().operationId(), a.connectorId(), run.jwks(), false);
      if (defects.isEmpty()) {
        verified++;
      } else {
        defects.forEach(d -> wrong.add(a + ": " + d));
      }
    }
    if (verified + wrong.size() == 0) {
      return CheckResult.fail("no receipt to verify");
    }
    return wrong.isEmpty() ? CheckResult.pass(verified + " receipts verify") : CheckResult.fail(wrong.size() + " receipt defects", wrong);
  }
}
