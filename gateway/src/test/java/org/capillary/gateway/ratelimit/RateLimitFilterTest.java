package org.capillary.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.filter.FilterOrder;
import org.capillary.gateway.filter.RequestContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

class RateLimitFilterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
  private final RatePlanProperties plans = new RatePlanProperties(Map.of("small", new RatePlanProperties.Plan(2, Duration.ofSeconds(2))));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final AtomicInteger passed = new AtomicInteger();
  private final WebFilterChain chain = exchange -> Mono.fromRunnable(passed::incrementAndGet);

  @Test
  void setsTheRateLimitHeadersAndPassesWhileTokensLast() {
    RateLimitFilter filter = filter(new LocalRateLimiter(plans, clock));
    Connector c = TestConnectors.on("c1", "small");

    MockServerWebExchange exchange = exchange(c);
    filter.filter(exchange, chain).block();

    assertThat(passed).hasValue(1);
    assertThat(exchange.getResponse().getHeaders().getFirst("RateLimit-Policy")).isEqualTo("\"small\";q=2;w=2");
    assertThat(exchange.getResponse().getHeaders().getFirst("RateLimit")).isEqualTo("\"small\";r=1;t=1");
    assertThat(meters.counter(RateLimitFilter.METRIC, "connector", "c1", "plan", "small", "outcome", "allowed").count()).isEqualTo(1);
  }

  @Test
  void refusesWithRateLimitedAndRetryAfterWhenExhausted() {
    RateLimitFilter filter = filter(new LocalRateLimiter(plans, clock));
    Connector c = TestConnectors.on("c2", "small");
    filter.filter(exchange(c), chain).block();
    filter.filter(exchange(c), chain).block();
    clock.advance(Duration.ofMillis(250));

    MockServerWebExchange exchange = exchange(c);
    assertThatThrownBy(() -> filter.filter(exchange, chain).block())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo("RATE_LIMITED");
          assertThat(e.headers()).containsEntry("Retry-After", "1") // 0.75 s rounded up
              .containsEntry("RateLimit-Policy", "\"small\";q=2;w=2")
              .containsEntry("RateLimit", "\"small\";r=0;t=2"); // 1.75 s rounded up
        });
    assertThat(passed).hasValue(2);
    assertThat(exchange.getResponse().getHeaders().getFirst("RateLimit")).isEqualTo("\"small\";r=0;t=2");
    assertThat(meters.counter(RateLimitFilter.METRIC, "connector", "c2", "plan", "small", "outcome", "limited").count()).isEqualTo(1);
  }

  @Test
  void limiterFailureIsServiceUnavailable() {
    RateLimitFilter filter = filter(connector -> Mono.error(new IllegalStateException("redis down")));

    assertThatThrownBy(() -> filter.filter(exchange(TestConnectors.on("c3", "small")), chain).block())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE");
          assertThat(e.headers()).containsEntry("Retry-After", "1");
        });
    assertThat(passed).hasValue(0);
    assertThat(meters.counter(RateLimitFilter.METRIC, "connector", "c3", "plan", "small", "outcome", "unavailable").count()).isEqualTo(1);
  }

  @Test
  void limiterWithoutAnswerIsServiceUnavailable() {
    RateLimitFilter filter = filter(connector -> Mono.empty());

    assertThatThrownBy(() -> filter.filter(exchange(TestConnectors.on("c4", "small")), chain).block())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE"));
    assertThat(passed).hasValue(0);
  }

  @Test
  void unknownPlanIsServiceUnavailable() {
    RateLimitFilter filter = filter(new LocalRateLimiter(plans, clock));

    assertThatThrownBy(() -> filter.filter(exchange(TestConnectors.on("c5", "platinum")), chain).block())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE"));
    assertThat(passed).hasValue(0);
  }

  @Test
  void requestsWithoutAnAuthenticatedConnectorPassUntouched() {
    RateLimitFilter filter = filter(connector -> Mono.error(new AssertionError("must not be called")));

    MockServerWebExchange anonymous = MockServerWebExchange.from(MockServerHttpRequest.get("/.well-known/jwks.json"));
    filter.filter(anonymous, chain).block();
    MockServerWebExchange unauthenticated = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/x"));
    RequestContext.create(unauthenticated, "req-1");
    filter.filter(unauthenticated, chain).block();

    assertThat(passed).hasValue(2);
    assertThat(anonymous.getResponse().getHeaders().containsHeader("RateLimit")).isFalse();
  }

  @Test
  void worksWithoutAMeterRegistry() {
    RateLimitFilter filter = new RateLimitFilter(new LocalRateLimiter(plans, clock), new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
    filter.filter(exchange(TestConnectors.on("c6", "small")), chain).block();
    assertThat(passed).hasValue(1);
  }

  @Test
  void runsAtItsPlaceInThePipeline() {
    assertThat(filter(new LocalRateLimiter(plans, clock)).getOrder()).isEqualTo(FilterOrder.RATE_LIMIT);
  }

  private RateLimitFilter filter(RateLimiter limiter) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("meters", meters));
    ObjectProvider<MeterRegistry> provider = beans.getBeanProvider(MeterRegistry.class);
    return new RateLimitFilter(limiter, provider);
  }

  private static MockServerWebExchange exchange(Connector connector) {
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/projects"));
    RequestContext.create(exchange, "req").connector(connector);
    return exchange;
  }
}
