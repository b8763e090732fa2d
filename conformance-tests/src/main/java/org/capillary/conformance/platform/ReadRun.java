package org.capillary.conformance.platform;

import java.util.List;
import org.capillary.spec.contract.Operation;

/**
 * What the read-operations scenario observed.
 *
 * @param reads every read sent, with its answer
 * @param unexercised reads not sent, each with the reason
 * @param mediaContent the bytes of the media item the reads of media name
 */
public record ReadRun(List<Read> reads, List<String> unexercised, byte[] mediaContent) {

  /** Copies. */
  public ReadRun {
    reads = List.copyOf(reads);
    unexercised = List.copyOf(unexercised);
  }

  /**
   * One read.
   *
   * @param operation the operation
   * @param exchange what happened
   */
  public record Read(Operation operation, Exchange exchange) {}
}
