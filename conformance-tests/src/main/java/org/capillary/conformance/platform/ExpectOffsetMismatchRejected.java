package org.capillary.conformance.platform;

import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/** A PATCH at an offset other than the upload's current one is refused: 409 UPLOAD_OFFSET_MISMATCH. */
public final class ExpectOffsetMismatchRejected implements Check<UploadRun> {

  @Override
  public String description() {
    return "A PATCH whose Upload-Offset is not the current offset is refused with 409 UPLOAD_OFFSET_MISMATCH.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-MED-02");
  }

  @Override
  public CheckResult run(UploadRun run, Transcript transcript) {
    Exchange e = run.wrongOffset();
    return e.status() == 409 && e.code().equals("UPLOAD_OFFSET_MISMATCH") ? CheckResult.pass("refused", e.brief())
        : CheckResult.fail("answered " + e.status() + " " + e.code(), e.brief(), e.bodyText(300));
  }
}
