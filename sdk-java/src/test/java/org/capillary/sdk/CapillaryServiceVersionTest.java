package org.capillary.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.capillary.spec.contract.Contract;
import org.junit.jupiter.api.Test;

class CapillaryServiceVersionTest {

  @Test
  void latestVersionIsTheContractOnTheClassPath() {
    assertThat(CapillaryServiceVersion.latest().version()).isEqualTo(Contract.load().version());
    assertThat(Contract.load().operations().values())
        .allMatch(op -> op.pathTemplate().startsWith(CapillaryServiceVersion.latest().pathPrefix())
            || op.pathTemplate().startsWith("/.well-known/"));
  }
}
