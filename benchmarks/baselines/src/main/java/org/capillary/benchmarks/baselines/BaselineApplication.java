package org.capillary.benchmarks.baselines;

import java.util.Arrays;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The peers of the load run, measured the same way as the gateway and in the same run.
 *
 * <ul>
 *   <li>{@code --baseline.mode=bare}: Spring Boot WebFlux answering every POST with 201 and a small
 *       JSON body, after reading the request body and doing nothing with it: the cost of the HTTP
 *       stack alone, the ceiling of anything built on it.
 *   <li>{@code --baseline.mode=scg --baseline.upstream=http://127.0.0.1:PORT}: Spring Cloud Gateway
 *       (server-webflux) with one route that proxies every request to the upstream, unchanged: the
 *       gateway a team would otherwise pick, which validates and stores nothing.
 * </ul>
 *
 * <p>Both expose {@code /actuator/health/readiness}, which the load runner polls before measuring.
 */
@SpringBootApplication
public class BaselineApplication {

  /** The answer of the bare endpoint. */
  static final byte[] CREATED = "{\"status\":\"ACCEPTED\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /**
   * Starts a baseline.
   *
   * @param args Spring arguments; {@code --baseline.mode=bare|scg} is required
   */
  public static void main(String[] args) {
    start(args);
  }

  /**
   * Starts a baseline and returns its context (tests close it).
   *
   * @param args Spring arguments; {@code --baseline.mode=bare|scg} is required
   * @return the running context
   * @throws IllegalArgumentException if the mode is missing or unknown
   */
  public static ConfigurableApplicationContext start(String... args) {
    String mode = Arrays.stream(args).filter(a -> a.startsWith("--baseline.mode="))
        .map(a -> a.substring("--baseline.mode=".length())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--baseline.mode=bare|scg is required"));
    if (!mode.equals("bare") && !mode.equals("scg")) {
      throw new IllegalArgumentException("unknown --baseline.mode=" + mode + " (bare or scg)");
    }
    SpringApplication app = new SpringApplication(BaselineApplication.class);
    // The bare endpoint must not pay for Spring Cloud Gateway's web filter (weights) it does not use.
    app.setDefaultProperties(Map.of(
        "spring.cloud.gateway.server.webflux.enabled", Boolean.toString(mode.equals("scg")),
        "spring.cloud.gateway.enabled", Boolean.toString(mode.equals("scg"))));
    return app.run(args);
  }

  /**
   * The bare endpoint: any POST is read to its end and answered 201.
   *
   * @return the route
   */
  @Bean
  @ConditionalOnProperty(name = "baseline.mode", havingValue = "bare")
  RouterFunction<ServerResponse> bareEndpoint() {
    return RouterFunctions.route()
        .POST("/**", request -> request.bodyToFlux(DataBuffer.class).doOnNext(DataBufferUtils::release)
            .then(ServerResponse.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).bodyValue(CREATED)))
        .build();
  }

  /**
   * Spring Cloud Gateway's one route: everything to the upstream, as it came.
   *
   * @param routes the builder
   * @param upstream the upstream base URI
   * @return the routes
   */
  @Bean
  @ConditionalOnProperty(name = "baseline.mode", havingValue = "scg")
  RouteLocator proxyEverything(RouteLocatorBuilder routes, @Value("${baseline.upstream}") String upstream) {
    return routes.routes().route("everything", r -> r.path("/v1/**").uri(upstream)).build();
  }
}
