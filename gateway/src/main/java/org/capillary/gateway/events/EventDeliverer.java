package org.capillary.gateway.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pushes PENDING deliveries to their subscribers, at least once: a 2xx answer makes a delivery
 * DELIVERED; anything else (status, timeout, refused connection) schedules another attempt after
 * an exponentially growing back-off ({@code initialBackoff × 2^(attempts−1)}, at most {@code
 * maxBackoff}), and after {@code maxAttempts} the delivery is DEAD_LETTER. A retry sends the same
 * bytes with the same CloudEvent id, so receivers de-duplicate by id.
 *
 * <p>Safe with several replicas: a delivery is claimed by moving its {@code next_attempt_at} past
 * the push's time-out, conditionally on the value read, before it is sent; only one replica wins
 * the claim, and a replica that dies mid-push leaves it due again once the claim lapses.
 */
public final class EventDeliverer {

  private static final Logger LOG = LoggerFactory.getLogger(EventDeliverer.class);

  private final JdbcClient jdbc;
  private final EventSigner signer;
  private final Clock clock;
  private final EventProperties properties;
  private final HttpClient http;

  /**
   * @param dataSource the gateway's DataSource
   * @param signer signs the pushed bodies
   * @param clock the time
   * @param properties attempts, back-off and time-outs
   */
  public EventDeliverer(DataSource dataSource, EventSigner signer, Clock clock, EventProperties properties) {
    this.jdbc = JdbcClient.create(dataSource);
    this.signer = signer;
    this.clock = clock;
    this.properties = properties;
    this.http = HttpClient.newBuilder()
        .connectTimeout(properties.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private record Due(long seq, String subscriptionId, String url, int attempts, OffsetDateTime nextAttemptAt,
      String body) {}

  /**
   * One round: attempts every delivery that is due (blocking).
   *
   * @return the number of deliveries attempted
   */
  public int deliverOnce() {
    Instant now = clock.instant();
    List<Due> due = jdbc.sql("""
            SELECT d.event_seq, d.subscription_id, d.url, d.attempts, d.next_attempt_at, e.cloud_event
            FROM event_delivery d JOIN event e ON e.seq = d.event_seq
            WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?
            ORDER BY d.next_attempt_at, d.event_seq LIMIT ?""")
        .params(EventRecorder.utc(now), properties.batchSize())
        .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
        .list();
    int attempted = 0;
    for (Due d : due) {
      Instant lease = now.plus(properties.connectTimeout()).plus(properties.requestTimeout()).plusSeconds(30);
      int claimed = jdbc.sql("""
              UPDATE event_delivery SET next_attempt_at = ?
              WHERE event_seq = ? AND subscription_id = ? AND status = 'PENDING' AND next_attempt_at = ?""")
          .params(EventRecorder.utc(lease), d.seq(), d.subscriptionId(), d.nextAttemptAt())
          .update();
      if (claimed != 1) {
        continue; // another replica has it
      }
      attempted++;
      String error = push(d);
      record(d, error);
    }
    return attempted;
  }

  private @Nullable String push(Due d) {
    URI uri;
    try {
      uri = URI.create(d.url());
    } catch (IllegalArgumentException e) {
      return "not a URL";
    }
    if (!"https".equals(uri.getScheme()) && !(properties.allowPlainHttp() && "http".equals(uri.getScheme()))) {
      return "only https:// subscription URLs are pushed to";
    }
    byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(properties.requestTimeout())
        .header("Content-Type", "application/cloudevents+json")
        .header(EventSigner.HEADER, signer.sign(body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (Exception e) {
      return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
  }

  private void record(Due d, @Nullable String error) {
    Instant at = clock.instant();
    int attempts = d.attempts() + 1;
    if (error == null) {
      jdbc.sql("""
              UPDATE event_delivery SET status = 'DELIVERED', attempts = ?, last_attempt_at = ?, delivered_at = ?,
                  last_error = NULL
              WHERE event_seq = ? AND subscription_id = ?""")
          .params(attempts, EventRecorder.utc(at), EventRecorder.utc(at), d.seq(), d.subscriptionId())
          .update();
      return;
    }
    boolean dead = attempts >= properties.maxAttempts();
    LOG.info("delivery of event {} to {} failed (attempt {}): {}", d.seq(), d.subscriptionId(), attempts, error);
    jdbc.sql("""
            UPDATE event_delivery SET status = ?, attempts = ?, last_attempt_at = ?, next_attempt_at = ?,
                last_error = ?
            WHERE event_seq = ? AND subscription_id = ?""")
        .params(dead ? "DEAD_LETTER" : "PENDING", attempts, EventRecorder.utc(at),
            EventRecorder.utc(dead ? at : at.plus(backoff(attempts))), error.length() > 2000 ? error.substring(0, 2000) : error,
            d.seq(), d.subscriptionId())
        .update();
  }

  /** The wait after the given number of failed attempts. */
  Duration backoff(int attempts) {
    Duration wait = properties.initialBackoff();
    for (int i = 1; i < attempts && wait.compareTo(properties.maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
  }
}
