package org.capillary.conformance.platform;

import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/** createUpload answers 201 with a Location under /v1/uploads/, Tus-Resumable and a receipt. */
public final class ExpectUploadCreated implements Check<UploadRun> {

  @Override
  public String description() {
    return "createUpload answers 201 with Location /v1/uploads/{uploadId}, Tus-Resumable 1.0.0 and a SubmissionReceipt.";
  }

  @Override
  public Set<String> requirements() {
    return OperationRequirements.of(Set.of("createUpload"));
  }

  @Override
  public CheckResult run(UploadRun run, Transcript transcript) {
    Exchange e = run.created();
    if (e.status() != 201) {
      return CheckResult.fail("createUpload answered " + e.status(), e.brief(), e.bodyText(300));
    }
    String location = e.header("Location").orElse("");
    if (!location.startsWith("/v1/uploads/") && !location.contains("/v1/uploads/")) {
      return CheckResult.fail("Location is '" + location + "'", e.brief());
    }
    if (!"1.0.0".equals(e.header("Tus-Resumable").orElse(""))) {
      return CheckResult.fail("no Tus-Resumable: 1.0.0", e.brief());
    }
    var violations = PlatformSession.sharedValidator().validateAgainst("schemas/SubmissionReceipt.json", e.json());
    return violations.isEmpty() ? CheckResult.pass("created " + location)
        : CheckResult.fail("the receipt does not validate", violations.stream().map(v -> v.pointer() + " " + v.code()).toList());
  }
}
