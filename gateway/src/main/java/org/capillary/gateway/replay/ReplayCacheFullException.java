package org.capillary.gateway.replay;

/**
 * The in-process replay cache holds its maximum of unexpired ids. The request is refused (fail
 * closed) rather than an id forgotten before its window ends.
 */
public final class ReplayCacheFullException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * @param maxEntries the bound that was reached
   */
  public ReplayCacheFullException(int maxEntries) {
    super("replay cache full (" + maxEntries + " unexpired ids, capillary.gateway.replay.max-entries)");
  }
}
