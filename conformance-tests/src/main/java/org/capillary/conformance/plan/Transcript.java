package org.capillary.conformance.plan;

import tools.jackson.databind.JsonNode;

/**
 * The run's evidence log. Every entry is appended in order and chained by hash to the one before
 * it, so a transcript cannot be edited after the fact without the change being detected.
 * Checks and scenarios record what they sent and received here.
 */
public interface Transcript {

  /**
   * Appends an entry.
   *
   * @param kind what the entry is, e.g. {@code exchange}, {@code observation}, {@code check}
   * @param data the entry's content (no secret key material)
   */
  void record(String kind, JsonNode data);
}
