package org.capillary.conformance.plan;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run needs to know about its target, read by scenarios.
 *
 * @param clock the run's clock (injected so report timestamps are testable)
 * @param workDir a directory the run may write to (sandbox files, media, connector state)
 * @param timeout how long one exchange may take before the scenario gives up
 * @param values plan-specific settings by name (e.g. {@code baseUrl}, {@code insurer.keyFile},
 *     {@code connector.command}); see each plan's description for the names it reads
 */
public record RunSettings(Clock clock, Path workDir, Duration timeout, Map<String, String> values) {

  /** Validates and copies. */
  public RunSettings {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(timeout, "timeout");
    values = Map.copyOf(values);
  }

  /** A setting, if given. */
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /**
   * A setting that must be given.
   *
   * @throws IllegalArgumentException naming the missing setting
   */
  public String require(String name) {
    return value(name).orElseThrow(() -> new IllegalArgumentException("missing setting: " + name));
  }
}
