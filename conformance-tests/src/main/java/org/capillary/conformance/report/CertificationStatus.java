package org.capillary.conformance.report;

import org.capillary.conformance.run.CheckOutcome;
import org.capillary.conformance.run.RunResult;

/**
 * A certification report's status, after the Open Finance Brasil statuses that STANDARDS.md names.
 *
 * <p>The runner issues one of the first three from the results ({@link #of}); the last two are not
 * results of a run: {@link #EXPIRED} is what {@code verify-report} answers once the report's
 * {@code exp} has passed, and {@link #SUSPENDED} is issued by the operator (a new signed report
 * for the same plan and target) when a certified implementation is found non-conformant in
 * production, until it is re-certified.
 */
public enum CertificationStatus {
  /** Every mandatory and every optional check passed (NOT_APPLICABLE with a reason counts as passed). */
  PASS,
  /** Every mandatory check passed; at least one optional check failed or erred. */
  CONDITIONAL,
  /** At least one mandatory check failed or erred: not certified; the report records what to fix. */
  IN_REVISION,
  /** Suspended by the operator after certification. */
  SUSPENDED,
  /** The report's validity has ended. */
  EXPIRED;

  /**
   * The status a run earns.
   *
   * @param result the run
   * @return PASS, CONDITIONAL or IN_REVISION
   */
  public static CertificationStatus of(RunResult result) {
    if (result.outcomes().stream().anyMatch(o -> o.mandatory() && o.failed())) {
      return IN_REVISION;
    }
    if (result.outcomes().stream().anyMatch(CheckOutcome::failed)) {
      return CONDITIONAL;
    }
    return PASS;
  }

  /** The name used in reports ({@code IN-REVISION}, as OFB writes it). */
  public String label() {
    return name().replace('_', '-');
  }

  /**
   * Parses a report label.
   *
   * @param label e.g. {@code IN-REVISION}
   * @return the status
   * @throws IllegalArgumentException if unknown
   */
  public static CertificationStatus fromLabel(String label) {
    return valueOf(label.replace('-', '_'));
  }
}
