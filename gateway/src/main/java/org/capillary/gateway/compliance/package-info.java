/**
 * Compliance: the rule profile (spec/rules/&lt;district&gt;.yaml) turned into obligations per project
 * by a pure {@link org.capillary.gateway.compliance.ObligationEvaluator}, stored and kept current by
 * the projection worker and the {@link org.capillary.gateway.compliance.ObligationClock}; and the read
 * APIs over the projections (project view, obligations, hazard ledger with CSV, district summary,
 * alerts).
 */
@NullMarked
package org.capillary.gateway.compliance;

import org.jspecify.annotations.NullMarked;
