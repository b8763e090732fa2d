package org.capillary.conformance.connector.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.conformance.sandbox.Fault;
import org.capillary.conformance.sandbox.ReceivedRequest;
import org.jspecify.annotations.Nullable;

/**
 * After an answer with {@code Retry-After}, the next attempt of the same write (same request, or
 * same Idempotency-Key) arrives no sooner than the time announced, measured on the sandbox clock
 * from the arrival of the answered request.
 */
public final class EnsureRetryAfterHonoured implements Check<ConnectorRun> {

  @Override
  public String description() {
    return "A write answered 429 or 503 with Retry-After is not repeated before that time has passed.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-RL-01", "CAP-API-07");
  }

  @Override
  public CheckResult run(ConnectorRun run, Transcript transcript) {
    List<ReceivedRequest> received = run.received();
    List<String> bad = new ArrayList<>();
    List<String> good = new ArrayList<>();
    int announced = 0;
    for (int i = 0; i < received.size(); i++) {
      ReceivedRequest r = received.get(i);
      Duration wait = retryAfter(r.fault());
      if (wait == null) {
        continue;
      }
      announced++;
      ReceivedRequest next = nextAttempt(received, i);
      if (next == null) {
        continue;
      }
      Duration waited = Duration.between(r.receivedAt(), next.receivedAt());
      String line = r.describe() + " → " + next.describe() + " after " + waited.toMillis() + " ms (Retry-After "
          + wait.toSeconds() + " s)";
      (waited.compareTo(wait) < 0 ? bad : good).add(line);
    }
    if (announced == 0) {
      return CheckResult.notApplicable("no answer carried Retry-After");
    }
    if (!bad.isEmpty()) {
      return CheckResult.fail(bad.size() + " retry(ies) came before Retry-After had passed", bad);
    }
    return good.isEmpty()
        ? CheckResult.notApplicable("Retry-After was announced " + announced + " time(s), but nothing was retried")
        : CheckResult.pass(good.size() + " retry(ies) waited as announced", good.toArray(String[]::new));
  }

  private static @Nullable Duration retryAfter(@Nullable Fault fault) {
    if (fault instanceof Fault.TooManyRequests t) {
      return t.retryAfter();
    }
    if (fault instanceof Fault.Unavailable u) {
      return u.retryAfter();
    }
    return null;
  }

  private static @Nullable ReceivedRequest nextAttempt(List<ReceivedRequest> received, int at) {
    ReceivedRequest r = received.get(at);
    Attempts.Identity identity = Attempts.identity(r);
    for (int j = at + 1; j < received.size(); j++) {
      ReceivedRequest next = received.get(j);
      if (next.write() && (Attempts.identity(next).equals(identity)
          || (r.idempotencyKey() != null && Objects.equals(r.idempotencyKey(), next.idempotencyKey())))) {
        return next;
      }
    }
    return null;
  }
}
