package org.capillary.conformance.platform;

import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/** After the refused PATCHes, the rest of the bytes resume at the reported offset and complete the upload. */
public final class ExpectUploadCompletes implements Check<UploadRun> {

  @Override
  public String description() {
    return "Each accepted PATCH answers 204 with the new Upload-Offset; resuming at the reported offset completes the upload.";
  }

  @Override
  public Set<String> requirements() {
    return OperationRequirements.of(Set.of("appendUploadChunk"));
  }

  @Override
  public CheckResult run(UploadRun run, Transcript transcript) {
    for (Exchange e : new Exchange[] {run.firstHalf(), run.rest()}) {
      if (e.status() != 204) {
        return CheckResult.fail(e.label() + " answered " + e.status(), e.brief(), e.bodyText(300));
      }
    }
    String afterFirst = run.firstHalf().header("Upload-Offset").orElse("");
    String afterRest = run.rest().header("Upload-Offset").orElse("");
    if (!afterFirst.equals(Integer.toString(run.half())) || !afterRest.equals(Integer.toString(run.length()))) {
      return CheckResult.fail("Upload-Offset after the chunks: " + afterFirst + ", " + afterRest + "; expected " + run.half() + ", "
          + run.length());
    }
    return CheckResult.pass("complete at " + afterRest + " bytes");
  }
}
