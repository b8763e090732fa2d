package org.capillary.conformance.connector.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.conformance.sandbox.ReceivedRequest;

/**
 * Every attempt is signed afresh: no two requests carry the same {@code jti}, including the
 * retries of one write (spec/SIGNING.md §8: a resent signature is {@code SIGNATURE_REPLAYED}).
 */
public final class EnsureFreshSignaturePerAttempt implements Check<ConnectorRun> {

  @Override
  public String description() {
    return "Each attempt, retries included, has a signature with its own jti.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-SIG-09", "CAP-SIG-17");
  }

  @Override
  public CheckResult run(ConnectorRun run, Transcript transcript) {
    Map<String, List<ReceivedRequest>> byJti = new LinkedHashMap<>();
    for (ReceivedRequest r : run.received()) {
      if (r.signature() != null && r.signature().jti() != null) {
        byJti.computeIfAbsent(r.signature().jti(), k -> new ArrayList<>()).add(r);
      }
    }
    if (byJti.isEmpty()) {
      return CheckResult.fail("no request carried a readable signature");
    }
    List<String> bad = new ArrayList<>();
    byJti.forEach((jti, requests) -> {
      if (requests.size() > 1) {
        bad.add("jti " + jti + " on " + String.join(", ", requests.stream().map(ReceivedRequest::describe).toList()));
      }
    });
    return bad.isEmpty()
        ? CheckResult.pass(byJti.size() + " signatures, each with its own jti")
        : CheckResult.fail(bad.size() + " jti(s) used on more than one request", bad);
  }
}
