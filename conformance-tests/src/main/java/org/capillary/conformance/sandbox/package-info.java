/**
 * A sandbox that plays the platform for a connector under test: a WireMock server that knows the
 * connector's public keys, validates every request as strictly as the gateway (signature per
 * spec/SIGNING.md, headers, the operation and its JSON Schema), answers like the gateway (signed
 * receipts, problem documents, tus uploads), injects faults from a {@link
 * org.capillary.conformance.sandbox.FaultScript}, and records every request with what it found.
 * The connector plans judge the connector from that record.
 */
@NullMarked
package org.capillary.conformance.sandbox;

import org.jspecify.annotations.NullMarked;
