/**
 * JMH benchmarks of what one submission costs the gateway: verifying its signature (per algorithm
 * and crypto provider), the gateway's {@code RequestSignatureVerifier} end to end, signing the
 * receipt, validating the body against the contract's schema, and its content digest.
 *
 * <p>Every benchmark runs one thread on a prepared, valid input and returns its result, so that
 * the JIT cannot drop the work; {@code BenchmarksTest} checks that each one succeeds.
 */
@NullMarked
package org.capillary.benchmarks;

import org.jspecify.annotations.NullMarked;
