package org.capillary.conformance.platform;

import java.util.List;
import java.util.Map;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.plan.Transcript;

/** Sends a write, its retry (same key and body, fresh signature), and another body under the same key. */
public final class IdempotencyScenario implements Scenario<IdempotencyRun> {

  @Override
  public String id() {
    return "idempotency";
  }

  @Override
  public String description() {
    return "Sends registerPolicy, the same again as a retry would, and a different body under the same Idempotency-Key.";
  }

  @Override
  public IdempotencyRun setUp(RunSettings settings, Transcript transcript) {
    PlatformSession s = PlatformSession.open(settings, transcript);
    PlatformConnector a = s.connectors().insurerA();
    byte[] body = PolicyRequests.body(s.fixtures());
    String key = PolicyRequests.key();
    Exchange first = s.client().write("first", a, "POST", PolicyRequests.TARGET, "application/json", body, key, Map.of());
    Exchange replay = s.client().write("retry", a, "POST", PolicyRequests.TARGET, "application/json", body, key, Map.of());
    Exchange other = s.client().write("other-body", a, "POST", PolicyRequests.TARGET, "application/json",
        PolicyRequests.body(s.fixtures()), key, Map.of());
    return new IdempotencyRun(first, replay, other);
  }

  @Override
  public List<Check<? super IdempotencyRun>> checks() {
    return List.of(new ExpectIdempotentReplay(), new ExpectIdempotencyKeyReuseRejected());
  }
}
