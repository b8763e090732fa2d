package org.capillary.benchmarks.load;

import java.util.Map;

/**
 * What one phase measured.
 *
 * @param server the server measured
 * @param phase the phase name (warm-up, saturation, rate-2500, ...)
 * @param mode {@code open} (fixed offered rate, latency from the intended send time) or
 *     {@code closed} (a fixed number of requests in flight, each sent when the previous answered)
 * @param offeredRate requests per second offered (open loop), 0 for closed loop
 * @param concurrency requests in flight (closed loop) or connections (open loop)
 * @param seconds the phase's length, from its first intended send to its last answer
 * @param sent requests sent
 * @param ok answers 201
 * @param failures other outcomes, by status code or exception name
 * @param achievedRate 201 answers per second
 * @param p50Ms median latency
 * @param p99Ms 99th percentile
 * @param p999Ms 99.9th percentile
 * @param maxMs the slowest
 * @param exhausted whether the phase ran out of pre-signed requests (closed loop: the rate is then a lower bound)
 * @param failureSamples the first few refusals (status and body), to tell why
 */
record PhaseResult(String server, String phase, String mode, double offeredRate, int concurrency, double seconds,
    long sent, long ok, Map<String, Long> failures, double achievedRate, double p50Ms, double p99Ms, double p999Ms,
    double maxMs, boolean exhausted, java.util.List<String> failureSamples) {}
