package org.capillary.gateway.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorKeyTest {

  private static final Connector C = new Connector("c", Role.INSURER, true, "standard", "91440300MA5DTE001K", List.of());
  private static final Instant T = Instant.parse("2026-03-02T01:30:00Z");

  private static ConnectorKey key(KeyStatus status, Instant notBefore, Instant notAfter) {
    return new ConnectorKey("k", C, "ES256", ConnectorAdministrationTest.ec("k").toPublicJWK(), status, notBefore, notAfter);
  }

  @Test
  void activeKeyIsUsableInsideItsHalfOpenWindow() {
    ConnectorKey k = key(KeyStatus.ACTIVE, T, T.plusSeconds(10));
    assertThat(k.usableAt(T.minusNanos(1))).isFalse();
    assertThat(k.usableAt(T)).isTrue();
    assertThat(k.usableAt(T.plusSeconds(10).minusNanos(1))).isTrue();
    assertThat(k.usableAt(T.plusSeconds(10))).isFalse();
    assertThat(key(KeyStatus.ACTIVE, T, null).usableAt(T.plusSeconds(1_000_000))).isTrue();
  }

  @Test
  void revokedKeyIsNeverUsableAndRetiringNeedsAnEnd() {
    assertThat(key(KeyStatus.REVOKED, T, null).usableAt(T)).isFalse();
    assertThat(key(KeyStatus.RETIRING, T, null).usableAt(T)).isFalse();
    assertThat(key(KeyStatus.RETIRING, T, T.plusSeconds(1)).usableAt(T)).isTrue();
  }
}
