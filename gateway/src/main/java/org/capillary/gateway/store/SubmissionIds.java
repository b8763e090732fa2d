package org.capillary.gateway.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Makes submission ids: {@code sub_} + a ULID (48-bit millisecond time, 80 random bits) in
 * Crockford base32, 26 characters. Ids sort roughly by time; the sequence number, not the id, is
 * the ledger order. Thread-safe.
 */
final class SubmissionIds {

  /** The submission id format of spec/schemas/SubmissionReceipt.json. */
  static final Pattern FORMAT = Pattern.compile("^sub_[0-9A-HJKMNP-TV-Z]{26}$");

  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private final Clock clock;
  private final SecureRandom random;

  SubmissionIds(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  String next() {
    long millis = clock.millis();
    if (millis < 0 || millis >= 1L << 48) {
      throw new IllegalStateException("time outside the ULID range: " + millis);
    }
    byte[] r = new byte[10];
    random.nextBytes(r);
    // 128 bits: hi = 48 time bits + 16 random bits, lo = 64 random bits.
    long hi = millis << 16 | (r[0] & 0xffL) << 8 | (r[1] & 0xffL);
    long lo = 0;
    for (int i = 2; i < 10; i++) {
      lo = lo << 8 | (r[i] & 0xffL);
    }
    char[] out = new char[26];
    for (int i = 25; i >= 0; i--) {
      out[i] = CROCKFORD[(int) (lo & 31)];
      lo = lo >>> 5 | hi << 59;
      hi >>>= 5;
    }
    return "sub_" + new String(out);
  }
}
