/**
 * The load run: servers started pinned to one core, pre-signed requests sent from the other at
 * fixed offered rates (open loop) and to saturation (closed loop), the media upload beside a direct
 * disk write, the micro benchmarks, and the report. Entry point: {@link BenchmarkRun}.
 */
@NullMarked
package org.capillary.benchmarks.load;

import org.jspecify.annotations.NullMarked;
