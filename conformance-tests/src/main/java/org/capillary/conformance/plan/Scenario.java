package org.capillary.conformance.plan;

import java.util.List;

/**
 * One situation a plan sets up (a module, in the OpenID suite's words): it prepares a context —
 * for a platform plan the requests it made and what came back; for a connector plan what the
 * sandbox received while the connector worked under a fault script — and names the checks that
 * judge it. The runner calls {@link #setUp}, then every check, then {@link #tearDown}.
 *
 * @param <C> the context the checks examine
 */
public interface Scenario<C> {

  /** Stable id, unique within the plan, e.g. {@code retry-after-429}. */
  String id();

  /** One sentence: what the scenario does. */
  String description();

  /**
   * Prepares the context.
   *
   * @param settings the run's settings (target, keys, timeouts)
   * @param transcript where to record what was sent and received
   * @return the context the checks examine
   * @throws Exception when the scenario cannot be set up; its checks are recorded as ERROR
   */
  C setUp(RunSettings settings, Transcript transcript) throws Exception;

  /** The checks that judge the context, in order. */
  List<Check<? super C>> checks();

  /**
   * Releases what {@link #setUp} started (servers, processes). Called even when set-up failed.
   *
   * @param context the context, or {@code null} when set-up failed
   */
  default void tearDown(C context) throws Exception {}
}
