package org.capillary.conformance.platform;

import java.util.LinkedHashSet;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/** A submission named by a receipt can be read back by its sender (getSubmission) as a SubmissionStatus. */
public final class ExpectSubmissionStatusReadable implements Check<WriteRun> {

  @Override
  public String description() {
    return "GET /v1/submissions/{submissionId} of an accepted write answers 200 with a valid SubmissionStatus.";
  }

  @Override
  public Set<String> requirements() {
    Set<String> ids = new LinkedHashSet<>();
    PlatformSession.sharedContract().operation("getSubmission").ifPresent(op -> ids.addAll(op.requirementIds()));
    return ids;
  }

  @Override
  public CheckResult run(WriteRun run, Transcript transcript) {
    Exchange e = run.submissionRead();
    if (e == null) {
      return CheckResult.fail("no write was accepted, so no submission could be read");
    }
    if (e.status() != 200) {
      return CheckResult.fail("getSubmission answered " + e.status(), e.brief(), e.bodyText(300));
    }
    var violations = PlatformSession.sharedValidator().validateAgainst("schemas/SubmissionStatus.json", e.json());
    if (!violations.isEmpty()) {
      return CheckResult.fail("the SubmissionStatus does not validate",
          violations.stream().map(v -> v.pointer() + " " + v.code() + " " + v.detail()).toList());
    }
    return CheckResult.pass("submission read back", e.brief());
  }
}
