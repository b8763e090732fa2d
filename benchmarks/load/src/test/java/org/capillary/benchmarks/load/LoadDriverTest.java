package org.capillary.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Both loops against a tiny in-process server that answers 201 (and 422 to every fifth request):
 * every request is sent once, counted by outcome, and the refusals are sampled. Tiny counts; the
 * timing of the run is not asserted.
 */
class LoadDriverTest {

  private final AtomicInteger received = new AtomicInteger();
  private DisposableServer server;

  @BeforeEach
  void startServer() {
    server = HttpServer.create().host("127.0.0.1").port(0)
        .handle((request, response) -> request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
            .flatMap(body -> {
              int n = received.incrementAndGet();
              boolean signed = request.requestHeaders().contains("Capillary-Signature")
                  && request.requestHeaders().contains("Idempotency-Key") && body.length > 3_000;
              return response.status(signed && n % 5 != 0 ? 201 : 422).sendString(Mono.just("{\"code\":\"X\"}")).then();
            }))
        .bindNow();
  }

  @AfterEach
  void stopServer() {
    server.disposeNow();
  }

  @Test
  void openAndClosedLoopsSendEveryRequestOnce() throws Exception {
    RequestSource source = source(200, false);
    try (LoadDriver driver = new LoadDriver("http://127.0.0.1:" + server.port(), 8)) {
      PhaseResult open = driver.openLoop("stub", "rate-200", source, 200, Duration.ofMillis(500));
      assertThat(open.sent()).isEqualTo(100);
      assertThat(open.ok() + open.failures().getOrDefault("422", 0L)).isEqualTo(100);
      assertThat(open.failures()).containsEntry("422", 20L);
      assertThat(open.failureSamples()).isNotEmpty().allMatch(s -> s.startsWith("422 "));
      assertThat(open.p50Ms()).isPositive().isLessThanOrEqualTo(open.p99Ms());

      PhaseResult closed = driver.closedLoop("stub", "saturation", source(50, false), 4, Duration.ofSeconds(20));
      assertThat(closed.exhausted()).isTrue(); // 50 requests, far fewer than 20 s would take
      assertThat(closed.sent()).isEqualTo(50);
      assertThat(closed.ok() + closed.failures().getOrDefault("422", 0L)).isEqualTo(50);
    }
    assertThat(received.get()).isEqualTo(150);
  }

  @Test
  void aCyclingSourceNeverRunsOut() throws Exception {
    RequestSource pool = source(3, true);
    assertThat(pool.get(7)).isSameAs(pool.get(1));
    assertThat(source(3, false).get(3)).isNull();
  }

  private static RequestSource source(int count, boolean cycle) throws Exception {
    LoadConnector c = new LoadConnector("c", List.of("FT-LOAD-TEST-1", "FT-LOAD-TEST-2"),
        new RequestSigner(new ECKeyGenerator(Curve.P_256).keyID("c-es256").generate(), Clock.systemUTC()),
        new Bodies("med-1", "cd".repeat(32)));
    return RequestSource.signed(List.of(c), "abcdefghijk", new AtomicLong(), count, cycle);
  }
}
