package org.capillary.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.capillary.gateway.projection.ProjectionDatabase;
import org.capillary.gateway.ratelimit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Push delivery against a real HTTP receiver on the loopback interface that is down, then back:
 * nothing is sent before the back-off allows, the same signed event (same id, same bytes) is
 * delivered once the receiver answers, the receiver's de-duplication by id sees one event, and a
 * receiver that never answers puts the delivery in DEAD_LETTER after the last attempt.
 */
class EventDeliveryTest {

  static final Instant T0 = Instant.parse("2026-03-18T02:00:00Z");

  ProjectionDatabase database;
  JdbcClient jdbc;
  MutableClock clock;
  HttpServer receiver;
  AtomicBoolean up = new AtomicBoolean(false);
  List<String> receivedIds = new CopyOnWriteArrayList<>();
  Set<String> applied = ConcurrentHashMap.newKeySet();
  List<Boolean> signaturesValid = new CopyOnWriteArrayList<>();
  ECKey key;
  EventRecorder recorder;
  EventDeliverer deliverer;

  @BeforeEach
  void start() throws Exception {
    database = ProjectionDatabase.h2();
    jdbc = JdbcClient.create(database.dataSource());
    clock = new MutableClock(T0);
    key = new ECKeyGenerator(Curve.P_256).keyID("gw-test").algorithm(JWSAlgorithm.ES256).generate();
    ECDSAVerifier verifier = new ECDSAVerifier(key.toECPublicKey());
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String id = JsonMapper.shared().readTree(body).path("id").asString();
      receivedIds.add(id);
      try {
        JWSObject jws = JWSObject.parse(exchange.getRequestHeaders().getFirst(EventSigner.HEADER), new Payload(body));
        signaturesValid.add(jws.verify(verifier) && "capillary-event+jws".equals(jws.getHeader().getType().toString()));
      } catch (Exception e) {
        signaturesValid.add(false);
      }
      int status = up.get() ? 204 : 503;
      if (up.get()) {
        applied.add(id); // the receiver's effect, de-duplicated by CloudEvent id
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
    jdbc.sql("""
            INSERT INTO connector (connector_id, role, status, suspension_reason, rate_plan, organisation_name,
                organisation_uscc, organisation_contact_name, organisation_contact_mobile, display_name,
                subdistrict_codes, contact_email, created_at, updated_at)
            VALUES ('nanyuan', 'SUBDISTRICT_OFFICE', 'ACTIVE', NULL, 'standard', '南园街道办事处', '11440304MB2C12345X',
                NULL, NULL, '南园街道', '440304001', 'ops@example.cn', ?, ?)""")
        .params(OffsetDateTime.now(), OffsetDateTime.now()).update();
    jdbc.sql("""
            INSERT INTO prj_subscription (subscription_id, subscriber_connector_id, url, event_types,
                subdistrict_codes, project_ids, last_seq)
            VALUES ('sub-nanyuan', 'nanyuan', ?, '["org.capillary.hazard.reported.v1"]', NULL, NULL, 1)""")
        .param("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook").update();
    recorder = new EventRecorder("urn:capillary:platform:test", clock);
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    database.close();
  }

  EventDeliverer deliverer(int maxAttempts) {
    return new EventDeliverer(database.dataSource(), new EventSigner(key), clock, new EventProperties("", false,
        Duration.ofSeconds(1), maxAttempts, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(2),
        Duration.ofSeconds(5), 50, true));
  }

  long record(String type, String subdistrict) {
    Long seq = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())).execute(s ->
        recorder.record(jdbc, new PlatformEvent(type, "FT-PRJ-0001", subdistrict, "demo-insurer-a", T0,
            Map.of("hazardId", "hz-1"))));
    return seq;
  }

  Map<String, Object> delivery(long seq) {
    return jdbc.sql("SELECT status, attempts, next_attempt_at, last_error FROM event_delivery WHERE event_seq = ?")
        .param(seq).query().singleRow();
  }

  @Test
  void aReceiverThatIsDownGetsTheEventOnceItsBackOffAllowsAndExactlyOnceInEffect() {
    deliverer = deliverer(5);
    long seq = record(EventTypes.HAZARD_REPORTED, "440304001");
    record(EventTypes.HAZARD_REPORTED, "440304011"); // not the office's area: no delivery
    record(EventTypes.ALERT_RECEIVED, "440304001"); // not a subscribed type: no delivery
    assertThat(jdbc.sql("SELECT COUNT(*) FROM event_delivery").query(Long.class).single()).isEqualTo(1);

    assertThat(deliverer.deliverOnce()).isEqualTo(1);
    assertThat(delivery(seq)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
    assertThat((String) delivery(seq).get("last_error")).contains("503");

    up.set(true);
    clock.advance(Duration.ofSeconds(9));
    assertThat(deliverer.deliverOnce()).as("before the back-off has passed").isZero();
    assertThat(receivedIds).hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    assertThat(deliverer.deliverOnce()).isEqualTo(1);
    assertThat(delivery(seq)).containsEntry("status", "DELIVERED").containsEntry("attempts", 2);
    assertThat(receivedIds).hasSize(2);
    assertThat(receivedIds.get(1)).isEqualTo(receivedIds.get(0));
    assertThat(applied).containsExactly(receivedIds.get(0));
    assertThat(signaturesValid).containsOnly(true);
    JsonNode event = JsonMapper.shared().readTree(jdbc.sql("SELECT cloud_event FROM event WHERE seq = ?").param(seq)
        .query(String.class).single());
    assertThat(event.path("id").asString()).isEqualTo(receivedIds.get(0));

    clock.advance(Duration.ofHours(1));
    assertThat(deliverer.deliverOnce()).as("delivered once, never again").isZero();
  }

  @Test
  void aReceiverThatNeverAnswersPutsTheDeliveryInDeadLetter() {
    deliverer = deliverer(3);
    long seq = record(EventTypes.HAZARD_REPORTED, "440304001");
    for (int i = 0; i < 3; i++) {
      assertThat(deliverer.deliverOnce()).isEqualTo(1);
      clock.advance(Duration.ofMinutes(5));
    }
    assertThat(delivery(seq)).containsEntry("status", "DEAD_LETTER").containsEntry("attempts", 3);
    assertThat(deliverer.deliverOnce()).isZero();
    assertThat(applied).isEmpty();
  }

  @Test
  void backOffDoublesUpToItsMaximum() {
    deliverer = deliverer(10);
    assertThat(deliverer.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(deliverer.backoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(deliverer.backoff(4)).isEqualTo(Duration.ofSeconds(80));
    assertThat(deliverer.backoff(9)).isEqualTo(Duration.ofMinutes(5));
  }
}
