package org.capillary.conformance.platform;

import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/** A signature used once is refused the second time: 403 SIGNATURE_REPLAYED. */
public final class ExpectReplayedSignatureRejected implements Check<ProblemRun> {

  @Override
  public String description() {
    return "Resending an accepted request with the same signature (same jti) is refused with 403 SIGNATURE_REPLAYED.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-SIG-09", "CAP-SIG-17");
  }

  @Override
  public CheckResult run(ProblemRun run, Transcript transcript) {
    Exchange first = run.of(ReplayScenario.FIRST).orElseThrow();
    Exchange replayed = run.of(ReplayScenario.REPLAYED).orElseThrow();
    if (first.status() != 201) {
      return CheckResult.fail("the first request was not accepted, so the replay proves nothing", first.brief(), first.bodyText(300));
    }
    if (replayed.status() == 403 && replayed.code().equals("SIGNATURE_REPLAYED")) {
      return CheckResult.pass("the replay was refused", replayed.brief());
    }
    return CheckResult.fail("the replay was answered " + replayed.status() + " " + replayed.code(), replayed.brief(),
        replayed.bodyText(300));
  }
}
