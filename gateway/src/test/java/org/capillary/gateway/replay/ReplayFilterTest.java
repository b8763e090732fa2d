package org.capillary.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.connector.Role;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.filter.FilterOrder;
import org.capillary.gateway.filter.RequestContext;
import org.capillary.gateway.jws.VerifiedSignature;
import org.capillary.gateway.ratelimit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

class ReplayFilterTest {

  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final ReplayProperties properties = ReplayProperties.defaults();
  private final InMemoryReplayCache cache = new InMemoryReplayCache(properties, clock);
  private final ReplayFilter filter = new ReplayFilter(cache, properties, clock);
  private final AtomicInteger passed = new AtomicInteger();
  private final WebFilterChain chain = exchange -> Mono.fromRunnable(passed::incrementAndGet);

  @ParameterizedTest
  @ValueSource(longs = {-300, 0, 300})
  void issuedAtWithinFiveMinutesEitherWayIsAccepted(long offsetSeconds) {
    filter.filter(exchange("c1", "jti-" + offsetSeconds, NOW.plusSeconds(offsetSeconds)), chain).block();
    assertThat(passed).hasValue(1);
  }

  @ParameterizedTest
  @ValueSource(longs = {-301, 301, -86_400})
  void issuedAtBeyondFiveMinutesIsExpired(long offsetSeconds) {
    assertThatThrownBy(() -> filter.filter(exchange("c1", "jti-" + offsetSeconds, NOW.plusSeconds(offsetSeconds)), chain).block())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo("SIGNATURE_EXPIRED");
          assertThat(e.detail()).isEqualTo("issued-at outside the accepted window");
          // SIGNING.md §7: the debugging aid of steps 2-8, and the gateway clock
          assertThat(e.extensions()).containsEntry("signingInputSha256", "ab12")
              .containsEntry("contentDigest", "sha-256=:x:")
              .containsEntry("serverTime", NOW.getEpochSecond())
              .containsEntry("maxSkewSeconds", 300L);
        });
    assertThat(passed).hasValue(0);
    assertThat(cache.size()).as("a stale signature takes no place in the cache").isZero();
  }

  @Test
  void skewIsConfigurable() {
    ReplayFilter strict = new ReplayFilter(cache, new ReplayProperties(Duration.ofSeconds(30), Duration.ofHours(24), 10), clock);
    strict.filter(exchange("c1", "jti-a", NOW.minusSeconds(30)), chain).block();
    assertThatThrownBy(() -> strict.filter(exchange("c1", "jti-b", NOW.minusSeconds(31)), chain).block())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("SIGNATURE_EXPIRED"));
  }

  @Test
  void aReplayedJtiIsRefused() {
    filter.filter(exchange("c1", "jti-1", NOW), chain).block();

    assertThatThrownBy(() -> filter.filter(exchange("c1", "jti-1", NOW), chain).block())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo("SIGNATURE_REPLAYED");
          assertThat(e.extensions()).containsEntry("signingInputSha256", "ab12")
              .containsEntry("contentDigest", "sha-256=:x:");
        });
    assertThat(passed).hasValue(1);
  }

  @Test
  void theSameJtiFromAnotherConnectorIsNotAReplay() {
    filter.filter(exchange("c1", "jti-1", NOW), chain).block();
    filter.filter(exchange("c2", "jti-1", NOW), chain).block();
    assertThat(passed).hasValue(2);
  }

  @Test
  void jtisAreRememberedForTheWindow() {
    filter.filter(exchange("c1", "jti-1", NOW), chain).block();
    clock.advance(Duration.ofHours(23));
    // re-signed with a fresh issued-at but the same jti: still a replay
    assertThatThrownBy(() -> filter.filter(exchange("c1", "jti-1", clock.instant()), chain).block())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("SIGNATURE_REPLAYED"));
  }

  @Test
  void cacheFailureIsServiceUnavailable() {
    ReplayFilter failing = new ReplayFilter((c, j, t) -> Mono.error(new IllegalStateException("redis down")), properties, clock);

    assertThatThrownBy(() -> failing.filter(exchange("c1", "jti-1", NOW), chain).block())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE");
          assertThat(e.headers()).containsEntry("Retry-After", "1");
        });
    assertThat(passed).hasValue(0);
  }

  @Test
  void cacheWithoutAnswerIsServiceUnavailable() {
    ReplayFilter silent = new ReplayFilter((c, j, t) -> Mono.empty(), properties, clock);

    assertThatThrownBy(() -> silent.filter(exchange("c1", "jti-1", NOW), chain).block())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE"));
  }

  @Test
  void requestsWithoutASignaturePassUntouched() {
    ReplayFilter untouchable = new ReplayFilter((c, j, t) -> Mono.error(new AssertionError("must not be called")), properties, clock);
    untouchable.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/.well-known/jwks.json")), chain).block();
    MockServerWebExchange unsigned = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/x"));
    RequestContext.create(unsigned, "req");
    untouchable.filter(unsigned, chain).block();
    assertThat(passed).hasValue(2);
  }

  @Test
  void runsAtItsPlaceInThePipeline() {
    assertThat(filter.getOrder()).isEqualTo(FilterOrder.REPLAY);
  }

  private static MockServerWebExchange exchange(String connectorId, String jti, Instant issuedAt) {
    Connector connector = new Connector(connectorId, Role.INSURER, true, "standard", "91440300MA5DDDDDD1", List.of());
    VerifiedSignature signature = new VerifiedSignature(
        connector, "key-1", "ES256", issuedAt, jti, null, "sha-256=:x:", "eyJ..",
        () -> Map.of("signingInputSha256", "ab12", "contentDigest", "sha-256=:x:"));
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/projects"));
    RequestContext ctx = RequestContext.create(exchange, "req");
    ctx.signature(signature);
    ctx.connector(connector);
    return exchange;
  }
}
