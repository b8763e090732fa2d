package org.capillary.sdk.models;

import org.jspecify.annotations.Nullable;

/**
 * Filters of {@code listHazards} and {@code listProjectHazards}. All optional; {@link #all()} lists
 * everything visible.
 *
 * @param subdistrictCode only this sub-district ({@code listHazards} only)
 * @param status only this state: OPEN, RECTIFYING, RECTIFIED, VERIFIED, REJECTED, CANCELLED
 * @param grade only GENERAL or MAJOR
 * @param overdue only overdue ({@code true}) or not overdue ({@code false}) hazards
 * @param pageSize items per page, 1-500 (gateway default 100)
 */
public record HazardListOptions(@Nullable String subdistrictCode, @Nullable String status, @Nullable String grade,
    @Nullable Boolean overdue, @Nullable Integer pageSize) {

  /** Checks the page size. */
  public HazardListOptions {
    if (pageSize != null && (pageSize < 1 || pageSize > 500)) {
      throw new IllegalArgumentException("pageSize must be 1..500");
    }
  }

  /** @return no filters */
  public static HazardListOptions all() {
    return new HazardListOptions(null, null, null, null, null);
  }
}
