package org.capillary.sdk.models;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a cursor-paginated list.
 *
 * @param items the items of this page (unmodifiable)
 * @param nextCursor the cursor of the next page, {@code null} on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

  /** Copies the items. */
  public Page {
    items = List.copyOf(items);
  }

  /** @return the cursor of the next page, empty on the last page */
  public Optional<String> next() {
    return Optional.ofNullable(nextCursor);
  }
}
