/**
 * The suite's vocabulary: a {@link org.capillary.conformance.plan.Plan} per role holds
 * {@link org.capillary.conformance.plan.Scenario}s; each scenario prepares a context and names the
 * {@link org.capillary.conformance.plan.Check}s (one class each) that judge it, each citing the
 * requirement ids it verifies. Evidence goes to a hash-chained
 * {@link org.capillary.conformance.plan.Transcript}.
 */
@NullMarked
package org.capillary.conformance.plan;

import org.jspecify.annotations.NullMarked;
