package org.capillary.gateway.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.capillary.gateway.connector.ConnectorAdministrationTest.ec;
import static org.capillary.gateway.connector.ConnectorAdministrationTest.publicJwk;
import static org.capillary.gateway.connector.ConnectorAdministrationTest.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.capillary.gateway.ratelimit.RatePlanProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class JdbcConnectorDirectoryTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");

  private final TestDatabase db = TestDatabase.create();
  private final TestDatabase.MutableClock clock = new TestDatabase.MutableClock(T0);
  private final JdbcConnectorDirectory directory = new JdbcConnectorDirectory(db.jdbc, clock, Duration.ofHours(1));
  private final ConnectorAdministration admin = new ConnectorAdministration(directory, RatePlanProperties.defaults());
  /** Writes without telling {@link #directory}, as another replica would. */
  private final ConnectorAdministration otherReplica =
      new ConnectorAdministration(new ConnectorAdministrationTest.CountingDirectory(), RatePlanProperties.defaults());

  @AfterEach
  void stop() {
    directory.destroy();
  }

  @Test
  void findsTheActiveKeyOfARegisteredConnector() {
    admin.registerConnector(db.jdbc, registration("ins-x", ec("x-1")), Map.of(), T0);
    directory.start();

    ConnectorKey key = directory.findUsableKey("x-1").orElseThrow();
    assertThat(key.connector().connectorId()).isEqualTo("ins-x");
    assertThat(key.connector().role()).isEqualTo(Role.INSURER);
    assertThat(key.connector().active()).isTrue();
    assertThat(key.alg()).isEqualTo("ES256");
    assertThat(key.publicKey().isPrivate()).isFalse();
    assertThat(directory.findUsableKey("nope")).isEmpty();
    assertThat(directory.findConnector("ins-x")).contains(key.connector());
  }

  @Test
  void localAdminChangesAreVisibleAtOnce() {
    directory.start();
    admin.registerConnector(db.jdbc, registration("ins-x", ec("x-1")), Map.of(), T0);
    assertThat(directory.findUsableKey("x-1")).isPresent();

    admin.revokeConnectorKey(db.jdbc, JSON.readTree("{\"reason\":\"KEY_COMPROMISE\"}"),
        Map.of("connectorId", "ins-x", "kid", "x-1"), T0);
    assertThat(directory.findUsableKey("x-1")).isEmpty();
  }

  @Test
  void changesFromElsewhereArriveWithTheNextRefresh() {
    directory.start();
    otherReplica.registerConnector(db.jdbc, registration("ins-x", ec("x-1")), Map.of(), T0);
    assertThat(directory.findUsableKey("x-1")).isEmpty();
    directory.refresh();
    assertThat(directory.findUsableKey("x-1")).isPresent();
  }

  @Test
  void scheduledRefreshPicksUpChanges() throws InterruptedException {
    JdbcConnectorDirectory fast = new JdbcConnectorDirectory(db.jdbc, clock, Duration.ofMillis(20));
    try {
      fast.start();
      otherReplica.registerConnector(db.jdbc, registration("ins-x", ec("x-1")), Map.of(), T0);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (fast.findUsableKey("x-1").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(fast.findUsableKey("x-1")).isPresent();
    } finally {
      fast.destroy();
    }
  }

  @Test
  void retiringKeyVerifiesUntilTheEndOfTheOverlapWithoutARefresh() {
    admin.registerConnector(db.jdbc, registration("ins-x", ec("x-1")), Map.of(), T0);
    directory.start();
    ObjectNode rotation = JSON.createObjectNode();
    rotation.set("newKey", publicJwk(ec("x-2")));
    rotation.put("retireKid", "x-1");
    rotation.put("overlapSeconds", 600);
    admin.rotateConnectorKey(db.jdbc, rotation, Map.of("connectorId", "ins-x"), T0);

    assertThat(directory.findUsableKey("x-1")).get().extracting(ConnectorKey::status).isEqualTo(KeyStatus.RETIRING);
    assertThat(directory.findUsableKey("x-2")).isPresent();
    clock.advance(Duration.ofSeconds(599));
    assertThat(directory.findUsableKey("x-1")).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(directory.findUsableKey("x-1")).isEmpty();
    assertThat(directory.findUsableKey("x-2")).isPresent();
  }

  @Test
  void keyIsUsableOnlyFromItsNotBefore() {
    admin.registerConnector(db.jdbc, registration("ins-x", ec("x-1")), Map.of(), T0);
    ObjectNode body = JSON.createObjectNode();
    body.set("jwk", publicJwk(ec("x-2")));
    body.put("notBefore", T0.plusSeconds(60).toString());
    admin.addConnectorKey(db.jdbc, body, Map.of("connectorId", "ins-x"), T0);
    directory.start();

    assertThat(directory.findUsableKey("x-2")).isEmpty();
    clock.advance(Duration.ofSeconds(60));
    assertThat(directory.findUsableKey("x-2")).isPresent();
  }

  @Test
  void keyOfASuspendedConnectorIsFoundWithItsConnectorInactive() {
    admin.registerConnector(db.jdbc, registration("ins-x", ec("x-1")), Map.of(), T0);
    admin.updateConnector(db.jdbc, JSON.readTree("{\"status\":\"SUSPENDED\",\"suspensionReason\":\"audit\"}"),
        Map.of("connectorId", "ins-x"), T0);
    directory.start();

    assertThat(directory.findUsableKey("x-1")).get().extracting(k -> k.connector().active()).isEqualTo(false);
  }

  @Test
  void parsedKeysAreReusedAcrossRefreshes() {
    admin.registerConnector(db.jdbc, registration("ins-x", ec("x-1")), Map.of(), T0);
    directory.start();
    ConnectorKey before = directory.findUsableKey("x-1").orElseThrow();
    admin.updateConnector(db.jdbc, JSON.readTree("{\"displayName\":\"renamed\"}"), Map.of("connectorId", "ins-x"), T0);
    ConnectorKey after = directory.findUsableKey("x-1").orElseThrow();
    assertThat(after.publicKey()).isSameAs(before.publicKey());
  }

  @Test
  void unusableKeyRowIsIgnoredAndTheOthersStillWork() {
    admin.registerConnector(db.jdbc, registration("ins-x", ec("x-1")), Map.of(), T0);
    db.jdbc.sql("INSERT INTO connector_key (kid, connector_id, alg, jwk_json, status, not_before, created_at)"
            + " VALUES ('x-bad', 'ins-x', 'ES256', '{\"kty\":\"oct\",\"k\":\"AAAA\"}', 'ACTIVE', :t, :t)")
        .param("t", ConnectorRows.timestamp(T0))
        .update();
    directory.start();
    assertThat(directory.findUsableKey("x-bad")).isEmpty();
    assertThat(directory.findUsableKey("x-1")).isPresent();
  }

  @Test
  void failedRefreshKeepsThePreviousSnapshot() {
    admin.registerConnector(db.jdbc, registration("ins-x", ec("x-1")), Map.of(), T0);
    directory.start();
    db.jdbc.sql("ALTER TABLE connector_key RENAME TO connector_key_gone").update();
    directory.refresh();
    assertThat(directory.findUsableKey("x-1")).isPresent();
  }

  @Test
  void startFailsWhenTheTablesCannotBeRead() {
    db.jdbc.sql("DROP TABLE connector_key").update();
    assertThatThrownBy(directory::start).isInstanceOf(org.springframework.dao.DataAccessException.class);
  }
}
