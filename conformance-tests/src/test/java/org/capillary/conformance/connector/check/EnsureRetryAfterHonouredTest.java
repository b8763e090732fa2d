package org.capillary.conformance.connector.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.plan.Status;
import org.capillary.conformance.sandbox.Fault;
import org.junit.jupiter.api.Test;

class EnsureRetryAfterHonouredTest {

  private final EnsureRetryAfterHonoured check = new EnsureRetryAfterHonoured();
  private final Fault limited = new Fault.TooManyRequests(Duration.ofSeconds(2));

  @Test
  void passesWhenTheRetryWaitedAtLeastTheAnnouncedTime() {
    ConnectorRun run = new Runs().request().fault(limited, 429, "RATE_LIMITED").at(0).add()
        .request().at(2000).add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenTheRetryCameEarly() {
    ConnectorRun run = new Runs().request().fault(limited, 429, "RATE_LIMITED").at(0).add()
        .request().at(1999).add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).evidence()).singleElement().asString().contains("1999 ms");
    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void followsTheRetryEvenUnderAnotherKey() {
    ConnectorRun run = new Runs().request().fault(limited, 429, "RATE_LIMITED").at(0).add()
        .request().key("key-2").at(10).add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void doesNotApplyWithoutRetryAfter() {
    ConnectorRun run = new Runs().request().fault(new Fault.Unavailable(null), 503, "SERVICE_UNAVAILABLE").add()
        .request().add().run();

    assertThat(check.run(run, Runs.NO_TRANSCRIPT).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
