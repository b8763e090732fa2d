package org.capillary.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StorePropertiesTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    StoreProperties p = StoreProperties.defaults();
    assertThat(p.idempotencyLease()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.idempotencyRetention()).isEqualTo(Duration.ofHours(24));
    assertThat(p.janitorInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.schedulerThreads()).isZero();
    assertThat(p.schedulerQueue()).isEqualTo(10_000);
  }

  @Test
  void refusesARetentionBelowTwentyFourHours() {
    assertThatThrownBy(() -> new StoreProperties(Duration.ofSeconds(30), Duration.ofHours(23),
        Duration.ofMinutes(10), 0, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesANonPositiveLeaseAndNegativeSizes() {
    assertThatThrownBy(() -> new StoreProperties(Duration.ZERO, Duration.ofHours(24),
        Duration.ofMinutes(10), 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StoreProperties(Duration.ofSeconds(1), Duration.ofHours(24),
        Duration.ofMinutes(-1), 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StoreProperties(Duration.ofSeconds(1), Duration.ofHours(24),
        Duration.ofMinutes(1), -1, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StoreProperties(Duration.ofSeconds(1), Duration.ofHours(24),
        Duration.ofMinutes(1), 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
