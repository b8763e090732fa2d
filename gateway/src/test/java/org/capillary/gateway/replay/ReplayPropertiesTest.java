package org.capillary.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ReplayPropertiesTest {

  @Test
  void defaults() {
    ReplayProperties bound = bind(Map.of());
    assertThat(bound).isEqualTo(ReplayProperties.defaults());
    assertThat(bound.maxClockSkew()).isEqualTo(Duration.ofMinutes(5));
    assertThat(bound.window()).isEqualTo(Duration.ofHours(24));
    assertThat(bound.maxEntries()).isEqualTo(1_000_000);
  }

  @Test
  void binds() {
    ReplayProperties bound = bind(Map.of(
        "capillary.gateway.replay.max-clock-skew", "PT2M",
        "capillary.gateway.replay.window", "48h",
        "capillary.gateway.replay.max-entries", "500"));
    assertThat(bound).isEqualTo(new ReplayProperties(Duration.ofMinutes(2), Duration.ofHours(48), 500));
  }

  @Test
  void windowMustOutlastTheAcceptedIssuedAtRange() {
    assertThatThrownBy(() -> new ReplayProperties(Duration.ofMinutes(5), Duration.ofMinutes(10), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ReplayProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("capillary.gateway.replay", ReplayProperties.class);
  }
}
