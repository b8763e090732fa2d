package org.capillary.conformance.sandbox;

import java.security.SecureRandom;
import java.time.Instant;

/** Submission ids as the gateway makes them: {@code sub_} and a 26-character ULID. */
final class SubmissionIds {

  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private SubmissionIds() {}

  static String next(Instant now) {
    char[] out = new char[26];
    long time = now.toEpochMilli();
    for (int i = 9; i >= 0; i--) {
      out[i] = CROCKFORD[(int) (time & 31)];
      time >>>= 5;
    }
    for (int i = 10; i < 26; i++) {
      out[i] = CROCKFORD[RANDOM.nextInt(32)];
    }
    return "sub_" + new String(out);
  }
}
