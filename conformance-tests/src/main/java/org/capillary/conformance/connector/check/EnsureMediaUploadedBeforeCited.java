package org.capillary.conformance.connector.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import org.capillary.conformance.sandbox.MediaRefs;
import org.capillary.conformance.sandbox.ReceivedRequest;
import tools.jackson.databind.JsonNode;

/**
 * A record cites only media that were completely uploaded, with the same SHA-256, before the record
 * was sent: no request was refused with {@code MEDIA_NOT_READY}, and every citation in a filed
 * record names a completed upload of that digest.
 */
public final class EnsureMediaUploadedBeforeCited implements Check<ConnectorRun> {

  @Override
  public String description() {
    return "Media are uploaded completely (tus) before a record cites them by id and SHA-256.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-MED-01", "CAP-MED-10", "CAP-MED-11");
  }

  @Override
  public CheckResult run(ConnectorRun run, Transcript transcript) {
    List<String> bad = new ArrayList<>();
    int citations = 0;
    for (ReceivedRequest r : run.received()) {
      if ("MEDIA_NOT_READY".equals(r.problemCode())) {
        bad.add(r.describe() + ": cited media not ready");
      }
      JsonNode json = r.submissionId() == null ? null : Attempts.json(r);
      if (json == null) {
        continue;
      }
      for (MediaRefs.MediaRef ref : MediaRefs.in(json)) {
        citations++;
        if (!ref.sha256().equals(run.completedUploads().get(ref.mediaId()))) {
          bad.add(r.describe() + ": cites " + ref.mediaId() + " that is not a completed upload of " + ref.sha256());
        }
      }
    }
    if (!bad.isEmpty()) {
      return CheckResult.fail(bad.size() + " citation(s) of media not uploaded first", bad);
    }
    return citations == 0
        ? CheckResult.notApplicable("no filed record cites media")
        : CheckResult.pass(citations + " citation(s), each of a completed upload with the same SHA-256");
  }
}
