package org.capillary.conformance.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/** Every 401 carries {@code WWW-Authenticate: Capillary-Signature} (spec/SIGNING.md §7). */
public final class ExpectWwwAuthenticateOnUnauthorized implements Check<ProblemRun> {

  @Override
  public String description() {
    return "Every 401 names the Capillary-Signature scheme in WWW-Authenticate.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-SIG-18");
  }

  @Override
  public CheckResult run(ProblemRun run, Transcript transcript) {
    List<String> wrong = new ArrayList<>();
    int seen = 0;
    for (Exchange e : run.exchanges().values()) {
      if (e.status() == 401) {
        seen++;
        String value = e.header("WWW-Authenticate").orElse("");
        if (!value.startsWith("Capillary-Signature")) {
          wrong.add(e.brief() + ": WWW-Authenticate is '" + value + "'");
        }
      }
    }
    if (seen == 0) {
      return CheckResult.fail("no request was answered 401");
    }
    return wrong.isEmpty() ? CheckResult.pass(seen + " answers 401 name the scheme") : CheckResult.fail("401 without the scheme", wrong);
  }
}
