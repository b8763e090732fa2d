package org.capillary.conformance.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.plan.Transcript;

/**
 * Sends a valid request, then the identical request again: the same signature (same {@code jti})
 * must be refused the second time, whatever the idempotency layer would say (spec/SIGNING.md §6 step 8).
 */
public final class ReplayScenario implements Scenario<ProblemRun> {

  static final String FIRST = "first";
  static final String REPLAYED = "replayed";

  @Override
  public String id() {
    return "replay";
  }

  @Override
  public String description() {
    return "Sends one accepted request twice, byte for byte, signature included.";
  }

  @Override
  public ProblemRun setUp(RunSettings settings, Transcript transcript) {
    PlatformSession s = PlatformSession.open(settings, transcript);
    byte[] body = PolicyRequests.body(s.fixtures());
    String idk = PolicyRequests.key();
    String signature = s.connectors().insurerA().signer().sign("POST", PolicyRequests.TARGET, body, idk).headerValue();
    Map<String, String> headers = PolicyRequests.headers(signature, idk);
    Map<String, Exchange> exchanges = new LinkedHashMap<>();
    exchanges.put(FIRST, s.client().send(FIRST, "POST", PolicyRequests.TARGET, headers, body));
    exchanges.put(REPLAYED, s.client().send(REPLAYED, "POST", PolicyRequests.TARGET, headers, body));
    return new ProblemRun(exchanges);
  }

  @Override
  public List<Check<? super ProblemRun>> checks() {
    return List.of(new ExpectReplayedSignatureRejected());
  }
}
