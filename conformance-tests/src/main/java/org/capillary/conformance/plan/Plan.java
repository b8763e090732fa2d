package org.capillary.conformance.plan;

import java.util.List;
import java.util.Map;

/**
 * A test plan for one role: {@code platform}, {@code insurer-connector}, {@code device-connector}.
 * A plan is a list of scenarios; certification runs all of them.
 */
public interface Plan {

  /** Stable id, used on the command line and in reports. */
  String id();

  /** The role the plan certifies. */
  String role();

  /** A paragraph: what the plan certifies and what it needs. */
  String description();

  /** The scenarios, in run order. */
  List<Scenario<?>> scenarios();

  /**
   * The settings ({@link RunSettings#values()}) a run of this plan needs, each with one line saying
   * what it is. The command line refuses a run that lacks one of them (a usage error), before
   * anything is sent. Default: none declared.
   */
  default Map<String, String> requiredSettings() {
    return Map.of();
  }

  /**
   * The settings a run may add, each with one line saying what it is and its default. Default:
   * none declared.
   */
  default Map<String, String> optionalSettings() {
    return Map.of();
  }

  /**
   * Who or what a run of this plan certifies, named in the certification report: a connector id,
   * a gateway's base URL. Default: the {@code target} setting, else {@code unnamed}.
   *
   * @param settings the run's settings
   * @return the identity
   */
  default String targetId(RunSettings settings) {
    return settings.value("target").orElse("unnamed");
  }
}
