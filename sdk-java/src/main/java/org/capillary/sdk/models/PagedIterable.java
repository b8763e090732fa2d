package org.capillary.sdk.models;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The items of a cursor-paginated list, fetched a page at a time as you iterate: a page is
 * requested only when the previous one is used up, following {@code nextCursor} until the last
 * page. Each iteration starts again from the first page. Requests are signed and retried like any
 * other; a failure is thrown from {@code hasNext()}/{@code next()} as a
 * {@link org.capillary.sdk.exception.CapillaryException}.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {

  private final Function<@Nullable String, Page<T>> fetch;

  /**
   * @param fetch fetches the page at a cursor ({@code null}: the first page)
   */
  public PagedIterable(Function<@Nullable String, Page<T>> fetch) {
    this.fetch = fetch;
  }

  /** @return the pages themselves, e.g. to store the cursor between runs */
  public Iterable<Page<T>> byPage() {
    return () -> new Iterator<>() {
      private @Nullable Page<T> current;
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public Page<T> next() {
        if (done) {
          throw new NoSuchElementException();
        }
        Page<T> page = fetch.apply(current == null ? null : current.nextCursor());
        current = page;
        done = page.nextCursor() == null;
        return page;
      }
    };
  }

  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = byPage().iterator();
    return new Iterator<>() {
      private Iterator<T> items = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!items.hasNext() && pages.hasNext()) {
          items = pages.next().items().iterator();
        }
        return items.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.next();
      }
    };
  }
}
