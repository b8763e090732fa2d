package org.capillary.conformance.plan;

import java.util.List;

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
}
