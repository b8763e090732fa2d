package org.capillary.gateway.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Upload (and media) ids: {@code med-} + the 26-character ULID of the createUpload submission that
 * declared the upload. Deriving the id from the submission makes the declaration and its upload
 * one thing: an idempotent replay of createUpload (answered from the ledger with the submission's
 * Location) names the same upload, and the id fits common.json#/$defs/Id.
 */
final class UploadIds {

  private static final Pattern SUBMISSION_LOCATION = Pattern.compile("^/v1/submissions/sub_([0-9A-HJKMNP-TV-Z]{26})$");
  static final Pattern UPLOAD_ID = Pattern.compile("^med-[0-9A-HJKMNP-TV-Z]{26}$");

  private UploadIds() {}

  /** The upload declared by a submission. */
  static String ofSubmission(String submissionId) {
    if (!submissionId.startsWith("sub_")) {
      throw new IllegalArgumentException("not a submission id: " + submissionId);
    }
    return "med-" + submissionId.substring(4);
  }

  /** The upload declared by the submission a 201's Location names, or null. */
  static @Nullable String ofSubmissionLocation(@Nullable String location) {
    if (location == null) {
      return null;
    }
    Matcher m = SUBMISSION_LOCATION.matcher(location);
    return m.matches() ? "med-" + m.group(1) : null;
  }
}
