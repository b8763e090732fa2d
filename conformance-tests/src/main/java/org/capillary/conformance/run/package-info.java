/**
 * Runs a {@link org.capillary.conformance.plan.Plan}: set-up, checks and tear-down of every
 * scenario, each outcome recorded in a hash-chained transcript ({@link
 * org.capillary.conformance.run.HashChainedTranscript}) that {@link
 * org.capillary.conformance.run.TranscriptVerifier} re-checks offline. Plans are found with
 * {@link org.capillary.conformance.run.PlanCatalog} ({@link java.util.ServiceLoader}).
 */
@NullMarked
package org.capillary.conformance.run;

import org.jspecify.annotations.NullMarked;
