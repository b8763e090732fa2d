package org.capillary.conformance.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import tools.jackson.databind.JsonNode;

/**
 * Following {@code nextCursor} from the first page to the last yields every published alert exactly
 * once, in publishing order, no page larger than {@code limit}, and the last page has no cursor.
 */
public final class ExpectCursorPagesComplete implements Check<PaginationRun> {

  @Override
  public String description() {
    return "Cursor pages (limit, nextCursor) return every item exactly once, in order, and end with no nextCursor.";
  }

  @Override
  public Set<String> requirements() {
    return OperationRequirements.of(Set.of("listAlerts"));
  }

  @Override
  public CheckResult run(PaginationRun run, Transcript transcript) {
    for (Exchange e : run.publishExchanges()) {
      if (e.status() != 201) {
        return CheckResult.fail("an alert was not accepted, so the pages cannot be judged", e.brief(), e.bodyText(300));
      }
    }
    List<String> seen = new ArrayList<>();
    for (Exchange page : run.pages()) {
      if (page.status() != 200) {
        return CheckResult.fail("a page was answered " + page.status(), page.brief(), page.bodyText(300));
      }
      JsonNode items = page.json().path("items");
      if (items.size() > run.limit()) {
        return CheckResult.fail("a page holds " + items.size() + " items, limit " + run.limit(), page.brief());
      }
      if (page.json().path("page").path("limit").asInt(-1) != run.limit()) {
        return CheckResult.fail("page.limit is " + page.json().path("page").path("limit") + ", asked " + run.limit(), page.brief());
      }
      items.forEach(i -> seen.add(i.path("event").path("id").asString("")));
    }
    Exchange last = run.pages().get(run.pages().size() - 1);
    if (!last.json().path("page").path("nextCursor").asString("").isEmpty()) {
      return CheckResult.fail("the pages did not end after " + run.pages().size() + " reads", last.brief());
    }
    if (!seen.equals(run.published())) {
      return CheckResult.fail("the pages returned " + seen + ", published " + run.published());
    }
    return CheckResult.pass(seen.size() + " items in " + run.pages().size() + " pages, in order");
  }
}
