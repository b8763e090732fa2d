/**
 * What a run hands over: JSON results, a self-contained HTML report, JUnit XML, and the
 * certification report — a JWS signed by the operator's certification key and bound to the suite
 * version, the contract's digest, the plan and the transcript's head hash — with its offline
 * verifier ({@link org.capillary.conformance.report.CertificationReportVerifier}).
 */
@NullMarked
package org.capillary.conformance.report;

import org.jspecify.annotations.NullMarked;
