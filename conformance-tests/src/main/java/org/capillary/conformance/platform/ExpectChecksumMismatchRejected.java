package org.capillary.conformance.platform;

import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/** A chunk that does not match its Upload-Checksum is refused: 460 UPLOAD_CHECKSUM_MISMATCH (tus checksum extension). */
public final class ExpectChecksumMismatchRejected implements Check<UploadRun> {

  @Override
  public String description() {
    return "A PATCH whose Upload-Checksum does not match the chunk is refused with 460 UPLOAD_CHECKSUM_MISMATCH.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-MED-03");
  }

  @Override
  public CheckResult run(UploadRun run, Transcript transcript) {
    Exchange e = run.badChecksum();
    return e.status() == 460 && e.code().equals("UPLOAD_CHECKSUM_MISMATCH") ? CheckResult.pass("refused", e.brief())
        : CheckResult.fail("answered " + e.status() + " " + e.code(), e.brief(), e.bodyText(300));
  }
}
