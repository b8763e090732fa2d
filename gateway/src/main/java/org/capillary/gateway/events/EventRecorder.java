package org.capillary.gateway.events;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records platform events as CloudEvents in the caller's transaction, with one PENDING delivery
 * per matching subscription. The sequence number comes from the locked {@code event_counter} row,
 * so events become visible in the order of their numbers (the feed's cursor never skips one).
 */
public final class EventRecorder {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final String source;
  private final Clock clock;

  /**
   * @param source the CloudEvents source of the platform, e.g. urn:capillary:platform:cn-440304
   * @param clock the time deliveries become due
   */
  public EventRecorder(String source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  /**
   * Records an event and its deliveries.
   *
   * @param tx the caller's transaction
   * @param event the event
   * @return its sequence number
   */
  public long record(JdbcClient tx, PlatformEvent event) {
    tx.sql("UPDATE event_counter SET last_seq = last_seq + 1 WHERE name = 'event'").update();
    long seq = tx.sql("SELECT last_seq FROM event_counter WHERE name = 'event'").query(Long.class).single();
    String id = UUID.randomUUID().toString();
    Map<String, Object> ce = new LinkedHashMap<>();
    ce.put("specversion", "1.0");
    ce.put("id", id);
    ce.put("source", source);
    ce.put("type", event.type());
    if (event.projectId() != null) {
      ce.put("subject", event.projectId());
    }
    ce.put("time", RFC3339.format(event.time().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC)));
    ce.put("datacontenttype", "application/json");
    ce.put("data", event.data());
    String json = JSON.writeValueAsString(ce);
    tx.sql("""
            INSERT INTO event (seq, event_id, event_type, project_id, subdistrict_code,
                insurer_connector_id, occurred_at, cloud_event)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(seq, id, event.type(), event.projectId(), event.subdistrictCode(), event.insurerConnectorId(),
            utc(event.time()), json)
        .update();
    OffsetDateTime now = utc(clock.instant());
    for (Subscription s : subscriptions(tx)) {
      if (s.wants(event) && entitled(tx, s, event)) {
        tx.sql("""
                INSERT INTO event_delivery (event_seq, subscription_id, url, status, attempts,
                    next_attempt_at, last_attempt_at, last_error, delivered_at)
                VALUES (?, ?, ?, 'PENDING', 0, ?, NULL, NULL, NULL)""")
            .params(seq, s.id(), s.url(), now)
            .update();
      }
    }
    return seq;
  }

  /** A subscription as projected from createSubscription. */
  record Subscription(String id, String subscriber, String url, List<String> types,
      @Nullable List<String> subdistricts, @Nullable List<String> projects) {

    boolean wants(PlatformEvent e) {
      return types.contains(e.type())
          && (subdistricts == null || (e.subdistrictCode() != null && subdistricts.contains(e.subdistrictCode())))
          && (projects == null || (e.projectId() != null && projects.contains(e.projectId())));
    }
  }

  private static List<Subscription> subscriptions(JdbcClient tx) {
    return tx.sql("""
            SELECT subscription_id, subscriber_connector_id, url, event_types, subdistrict_codes, project_ids
            FROM prj_subscription ORDER BY subscription_id""")
        .query((rs, n) -> new Subscription(rs.getString(1), rs.getString(2), rs.getString(3),
            strings(rs.getString(4)), nullableStrings(rs.getString(5)), nullableStrings(rs.getString(6))))
        .list();
  }

  private static boolean entitled(JdbcClient tx, Subscription s, PlatformEvent e) {
    Optional<String[]> connector = tx.sql("""
            SELECT role, subdistrict_codes FROM connector WHERE connector_id = ? AND status = 'ACTIVE'""")
        .param(s.subscriber())
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
        .optional();
    return connector.isPresent() && Audience.entitled(connector.get()[0], s.subscriber(),
        codes(connector.get()[1]), e.insurerConnectorId(), e.subdistrictCode());
  }

  /** A comma-separated code list of the connector table. */
  public static List<String> codes(@Nullable String csv) {
    return csv == null || csv.isBlank() ? List.of()
        : Arrays.stream(csv.split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList();
  }

  static List<String> strings(@Nullable String jsonArray) {
    List<String> out = new ArrayList<>();
    if (jsonArray != null) {
      JsonNode n = JSON.readTree(jsonArray);
      n.forEach(v -> out.add(v.asString()));
    }
    return out;
  }

  private static @Nullable List<String> nullableStrings(@Nullable String jsonArray) {
    return jsonArray == null ? null : strings(jsonArray);
  }

  static OffsetDateTime utc(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
