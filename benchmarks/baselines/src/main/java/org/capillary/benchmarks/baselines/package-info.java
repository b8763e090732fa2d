/** The peers measured beside the gateway in the load run: a bare WebFlux endpoint and Spring Cloud Gateway. */
@NullMarked
package org.capillary.benchmarks.baselines;

import org.jspecify.annotations.NullMarked;
