package org.capillary.conformance.platform;

import java.util.List;

/**
 * What the pagination scenario observed.
 *
 * @param published the event ids published, in order, and their exchanges' statuses
 * @param publishExchanges the publishing exchanges
 * @param pages the list pages read, following nextCursor
 * @param limit the page size asked for
 */
public record PaginationRun(List<String> published, List<Exchange> publishExchanges, List<Exchange> pages, int limit) {

  /** Copies. */
  public PaginationRun {
    published = List.copyOf(published);
    publishExchanges = List.copyOf(publishExchanges);
    pages = List.copyOf(pages);
  }
}
