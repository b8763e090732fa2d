package org.capillary.examples.insurer;

import java.util.Objects;
import org.capillary.sdk.models.SubmissionReceipt;

/**
 * One record the cycle filed and the gateway's verified receipt for it.
 *
 * @param operationId the contract operation, e.g. {@code submitInspection}
 * @param recordId the record's own id, e.g. the inspection id
 * @param receipt the receipt: submission id, ledger position ({@code sequence}), time, and the
 *     signed JWS to keep as proof of timely filing
 */
public record Filing(String operationId, String recordId, SubmissionReceipt receipt) {

  /** Checks the components. */
  public Filing {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(receipt, "receipt");
  }
}
