package org.capillary.conformance.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.plan.Transcript;
import org.capillary.spec.contract.Operation;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes {@value #EVENTS} alerts about one new project, then lists them one per page
 * ({@code limit=1}), following {@code nextCursor} until there is none.
 */
public final class PaginationScenario implements Scenario<PaginationRun> {

  static final int EVENTS = 3;
  static final int LIMIT = 1;

  @Override
  public String id() {
    return "pagination";
  }

  @Override
  public String description() {
    return "Publishes " + EVENTS + " alerts about a new project and reads them back with listAlerts, limit " + LIMIT
        + ", following nextCursor.";
  }

  @Override
  public PaginationRun setUp(RunSettings settings, Transcript transcript) {
    PlatformSession s = PlatformSession.open(settings, transcript);
    Operation publish = s.contract().operation("publishAlert").orElseThrow();
    Fixtures.Prepared prepared = s.fixtures().prepare(publish, ContractExamples.firstValid("publishAlert"));
    String projectId = prepared.body().path("subject").asString("");
    List<String> ids = new ArrayList<>();
    List<Exchange> published = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      ObjectNode event = (ObjectNode) prepared.body().deepCopy();
      String id = s.fixtures().id("evt");
      event.put("id", id);
      ids.add(id);
      published.add(s.client().write("publishAlert " + (i + 1), prepared.connector(), "POST", prepared.target(),
          prepared.contentType(), Exchange.JSON.writeValueAsBytes(event)));
    }
    awaitListed(s, prepared.connector(), projectId, ids, settings);
    List<Exchange> pages = new ArrayList<>();
    String cursor = null;
    do {
      String target = "/v1/alerts?projectId=" + enc(projectId) + "&limit=" + LIMIT + (cursor == null ? "" : "&cursor=" + enc(cursor));
      Exchange page = s.client().read("listAlerts page " + (pages.size() + 1), prepared.connector(), "GET", target, Map.of());
      pages.add(page);
      cursor = page.status() == 200 ? page.json().path("page").path("nextCursor").asString(null) : null;
    } while (cursor != null && pages.size() <= EVENTS + 1);
    return new PaginationRun(ids, published, pages, LIMIT);
  }

  /**
   * Alerts are listed once projected, which a gateway may do after the receipt: wait (polling every
   * 200 ms, at most the run's timeout) until all are listed, so that the pages are judged on a
   * settled list.
   */
  private static void awaitListed(PlatformSession s, PlatformConnector reader, String projectId, List<String> ids,
      RunSettings settings) {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    while (System.nanoTime() < deadline) {
      Exchange all = s.client().read("listAlerts (await projection)", reader, "GET",
          "/v1/alerts?projectId=" + enc(projectId) + "&limit=500", Map.of());
      List<String> listed = new ArrayList<>();
      all.json().path("items").forEach(i -> listed.add(i.path("event").path("id").asString("")));
      if (all.status() != 200 || listed.containsAll(ids)) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public List<Check<? super PaginationRun>> checks() {
    return List.of(new ExpectCursorPagesComplete(), new ValidatePageBodies());
  }
}
