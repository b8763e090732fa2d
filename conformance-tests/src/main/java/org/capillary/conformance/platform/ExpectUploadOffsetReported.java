package org.capillary.conformance.platform;

import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/** HEAD on an unfinished upload tells a resuming client where to go on: Upload-Offset after the first chunk. */
public final class ExpectUploadOffsetReported implements Check<UploadRun> {

  @Override
  public String description() {
    return "HEAD on an upload after its first chunk answers Upload-Offset equal to the bytes received, with Tus-Resumable.";
  }

  @Override
  public Set<String> requirements() {
    return OperationRequirements.of(Set.of("getUploadOffset"));
  }

  @Override
  public CheckResult run(UploadRun run, Transcript transcript) {
    if (run.firstHalf().status() != 204) {
      return CheckResult.fail("the first chunk was answered " + run.firstHalf().status(), run.firstHalf().brief(),
          run.firstHalf().bodyText(300));
    }
    Exchange e = run.offset();
    if (e.status() != 200 && e.status() != 204) {
      return CheckResult.fail("HEAD answered " + e.status(), e.brief());
    }
    String offset = e.header("Upload-Offset").orElse("");
    return offset.equals(Integer.toString(run.half())) ? CheckResult.pass("Upload-Offset " + offset)
        : CheckResult.fail("Upload-Offset is '" + offset + "', expected " + run.half(), e.brief());
  }
}
