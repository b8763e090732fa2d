package org.capillary.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.capillary.gateway.error.ProblemExceptionHandler;
import org.capillary.gateway.filter.IdempotencyFilter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class RequestOutcomeTest {

  private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/policies"));

  @Test
  void aRenderedProblemIsItsCode() {
    exchange.getAttributes().put(ProblemExceptionHandler.CODE_ATTRIBUTE, "RATE_LIMITED");
    exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(RequestOutcome.of(exchange)).isEqualTo("RATE_LIMITED");
  }

  @Test
  void aStoredWriteIsAccepted() {
    exchange.getResponse().setStatusCode(HttpStatus.CREATED);
    assertThat(RequestOutcome.of(exchange)).isEqualTo("ACCEPTED");
    exchange.getResponse().setStatusCode(HttpStatus.ACCEPTED);
    assertThat(RequestOutcome.of(exchange)).isEqualTo("ACCEPTED");
  }

  @Test
  void anIdempotentReplayIsReplayed() {
    exchange.getResponse().setStatusCode(HttpStatus.CREATED);
    exchange.getResponse().getHeaders().set(IdempotencyFilter.REPLAYED_HEADER, "true");
    assertThat(RequestOutcome.of(exchange)).isEqualTo("REPLAYED");
  }

  @Test
  void otherSuccessesAreOk() {
    assertThat(RequestOutcome.of(exchange)).isEqualTo("OK");
    exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
    assertThat(RequestOutcome.of(exchange)).isEqualTo("OK");
  }

  @Test
  void anErrorStatusWithoutAProblemIsUnclassified() {
    exchange.getResponse().setStatusCode(HttpStatus.BAD_GATEWAY);
    assertThat(RequestOutcome.of(exchange)).isEqualTo("UNCLASSIFIED");
  }

  @Test
  void statusIsThreeDigitsAndUnsetIs200() {
    assertThat(RequestOutcome.status(HttpStatus.CREATED)).isEqualTo("201");
    assertThat(RequestOutcome.status(null)).isEqualTo("200");
  }
}
