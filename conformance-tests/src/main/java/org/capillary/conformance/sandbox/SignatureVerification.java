package org.capillary.conformance.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of verifying one request signature.
 *
 * @param failure the first failed step (spec/SIGNING.md §6), or {@code null} when it verified
 * @param members the protected header's members, or {@code null} when the header could not be read
 */
record SignatureVerification(@Nullable Finding failure, @Nullable SignedMembers members) {

  /** Whether every step passed. */
  boolean verified() {
    return failure == null;
  }
}
