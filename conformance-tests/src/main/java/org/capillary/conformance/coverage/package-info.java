/**
 * Requirements coverage (Inferno's ledger): which requirement ids of the contract the registered
 * plans' checks verify, and, for every id no check covers, the recorded reason
 * ({@code requirements-not-tested.csv}).
 */
@NullMarked
package org.capillary.conformance.coverage;

import org.jspecify.annotations.NullMarked;
