package org.capillary.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RatePlanPropertiesTest {

  @Test
  void defaultsApplyWhenNothingIsConfigured() {
    RatePlanProperties plans = RatePlanProperties.defaults();

    assertThat(plans.plans()).containsOnlyKeys("standard", "devices", "operator");
    assertThat(plans.require("standard")).isEqualTo(new RatePlan("standard", 100, Duration.ofSeconds(1)));
    assertThat(plans.require("devices")).isEqualTo(new RatePlan("devices", 500, Duration.ofSeconds(1)));
    assertThat(plans.require("operator")).isEqualTo(new RatePlan("operator", 50, Duration.ofSeconds(1)));
  }

  @Test
  void bindsConfiguredPlansWhichReplaceTheDefaults() {
    RatePlanProperties plans = bind(Map.of(
        "capillary.gateway.rate-limit.plans.gold.capacity", "1000",
        "capillary.gateway.rate-limit.plans.gold.window", "1m"));

    assertThat(plans.plans()).containsOnlyKeys("gold");
    assertThat(plans.require("gold")).isEqualTo(new RatePlan("gold", 1000, Duration.ofMinutes(1)));
  }

  @Test
  void unknownPlanIsAConfigurationError() {
    assertThatThrownBy(() -> RatePlanProperties.defaults().require("platinum"))
        .isInstanceOf(UnknownRatePlanException.class)
        .hasMessageContaining("platinum");
  }

  @Test
  void rejectsWindowsThatAreNotWholeSeconds() {
    assertThatThrownBy(() -> new RatePlanProperties(Map.of("x", new RatePlanProperties.Plan(10, Duration.ofMillis(1500)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number of seconds");
  }

  @Test
  void rejectsMissingWindowAndZeroCapacity() {
    assertThatThrownBy(() -> new RatePlanProperties(Map.of("x", new RatePlanProperties.Plan(10, null))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RatePlanProperties(Map.of("x", new RatePlanProperties.Plan(0, Duration.ofSeconds(1)))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNamesThatCannotBeAStructuredFieldString() {
    assertThatThrownBy(() -> new RatePlanProperties(Map.of("a\"b", new RatePlanProperties.Plan(10, Duration.ofSeconds(1)))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static RatePlanProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("capillary.gateway.rate-limit", RatePlanProperties.class);
  }
}
