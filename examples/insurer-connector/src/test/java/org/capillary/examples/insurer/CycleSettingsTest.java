package org.capillary.examples.insurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CycleSettingsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T17:00:00Z"), ZoneOffset.UTC);

  @Test
  void aFreshRunIsNamedByTheDistrictDateAndMakesValidIds() {
    CycleSettings settings = CycleSettings.create(CLOCK);

    assertThat(settings.runId()).matches("20260302[0-9A-Z]{6}");   // already 2 March in Shenzhen
    assertThat(settings.projectId()).isEqualTo("FT-XS-" + settings.runId()).matches("^[A-Za-z0-9][A-Za-z0-9-]{5,39}$");
    assertThat(settings.policyId()).isEqualTo("pol-" + settings.runId());
    assertThat(settings.subdistrictCode()).isEqualTo(CycleSettings.NANYUAN);
    assertThat(CycleSettings.create(CLOCK).runId()).isNotEqualTo(settings.runId());
  }

  @Test
  void idsThatTheContractWouldRefuseAreRefusedHere() {
    assertThatThrownBy(() -> new CycleSettings("ab", CycleSettings.NANYUAN, CLOCK)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CycleSettings("run-1", CycleSettings.NANYUAN, CLOCK)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CycleSettings("RUN1", "440305001", CLOCK)).isInstanceOf(IllegalArgumentException.class);
  }
}
