package org.capillary.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JFR summary counts top frames (self) and Capillary frames (inclusive, once per sample). */
class ProfilerTest {

  private static final String PRINTED = """
      jdk.ExecutionSample {
        startTime = 12:00:00.000
        sampledThread = "reactor-http-epoll-1" (javaThreadId = 40)
        state = "STATE_RUNNABLE"
        stackTrace = [
          sun.security.provider.SHA2.implCompress0(byte[], int) line: 10
          org.capillary.gateway.jws.ContentDigest.sha256(byte[]) line: 40
          org.capillary.gateway.jws.ContentDigest.sha256(byte[]) line: 41
          ...
        ]
      }

      jdk.ExecutionSample {
        startTime = 12:00:00.010
        stackTrace = [
          org.capillary.spec.validation.ContractValidator.validate(String, JsonNode) line: 5
          java.lang.Thread.run() line: 1
        ]
      }
      """;

  @Test
  void summarisesSamples() {
    Profiler.Profile p = Profiler.summarise("r.jfr", PRINTED);
    assertThat(p.samples()).isEqualTo(2);
    assertThat(p.selfTop()).containsEntry("sun.security.provider.SHA2.implCompress0(byte[], int)", 50.0)
        .containsEntry("org.capillary.spec.validation.ContractValidator.validate(String, JsonNode)", 50.0);
    assertThat(p.capillaryInclusive()).containsEntry("org.capillary.gateway.jws.ContentDigest.sha256(byte[])", 50.0);
    assertThat(p.components()).containsEntry("signature (digest, JWS, ES256)", 50.0)
        .containsEntry("schema validation", 50.0);
  }

  @Test
  void samplesWithoutCapillaryFramesAreTheStack() {
    Profiler.Profile p = Profiler.summarise("r.jfr", """
        stackTrace = [
          io.netty.channel.epoll.Native.epollWait(int) line: 1
        ]
        """);
    assertThat(p.components()).containsExactly(java.util.Map.entry(Profiler.OUTSIDE, 100.0));
  }
}
