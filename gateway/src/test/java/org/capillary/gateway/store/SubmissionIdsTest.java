package org.capillary.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubmissionIdsTest {

  /** A "random" source that returns the same byte every time, for known answers. */
  private static SecureRandom constant(int b) {
    return new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        Arrays.fill(bytes, (byte) b);
      }
    };
  }

  private static Clock at(long millis) {
    return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  @Test
  void encodesTimeAndRandomnessAsACrockfordUlid() {
    // the time prefix of the ULID specification's example (1469918176385 ms → 01ARYZ6S41)
    assertThat(new SubmissionIds(at(1469918176385L), constant(0)).next())
        .isEqualTo("sub_01ARYZ6S410000000000000000");
    assertThat(new SubmissionIds(at(0), constant(0xFF)).next())
        .isEqualTo("sub_0000000000ZZZZZZZZZZZZZZZZ");
    assertThat(new SubmissionIds(at((1L << 48) - 1), constant(0)).next())
        .isEqualTo("sub_7ZZZZZZZZZ0000000000000000");
  }

  @Test
  void idsMatchTheContractsFormatAndDoNotRepeat() {
    SubmissionIds ids = new SubmissionIds(Clock.systemUTC(), new SecureRandom());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = ids.next();
      assertThat(id).matches(SubmissionIds.FORMAT);
      assertThat(seen.add(id)).isTrue();
    }
  }

  @Test
  void laterIdsSortAfterEarlierOnes() {
    String earlier = new SubmissionIds(at(1_700_000_000_000L), constant(0xFF)).next();
    String later = new SubmissionIds(at(1_700_000_000_001L), constant(0)).next();
    assertThat(later).isGreaterThan(earlier);
  }

  @Test
  void refusesTimesOutsideTheUlidRange() {
    assertThatThrownBy(() -> new SubmissionIds(at(1L << 48), constant(0)).next())
        .isInstanceOf(IllegalStateException.class);
  }
}
