package org.capillary.benchmarks.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts both baselines once, the proxy in front of the bare endpoint, and sends one POST through
 * each: the load run measures them only if they answer what it expects (201). Measures nothing.
 */
class BaselineApplicationTest {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void bareAnswers201AndTheProxyPassesItOn() throws Exception {
    try (ConfigurableApplicationContext bare = BaselineApplication.start("--baseline.mode=bare", "--server.port=0")) {
      int barePort = port(bare);
      assertThat(post(barePort).statusCode()).isEqualTo(201);
      assertThat(post(barePort).body()).isEqualTo("{\"status\":\"ACCEPTED\"}");
      try (ConfigurableApplicationContext scg = BaselineApplication.start("--baseline.mode=scg", "--server.port=0",
          "--baseline.upstream=http://127.0.0.1:" + barePort)) {
        HttpResponse<String> proxied = post(port(scg));
        assertThat(proxied.statusCode()).isEqualTo(201);
        assertThat(proxied.body()).isEqualTo("{\"status\":\"ACCEPTED\"}");
      }
    }
  }

  @Test
  void aModeIsRequired() {
    assertThatThrownBy(() -> BaselineApplication.start("--server.port=0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BaselineApplication.start("--baseline.mode=nginx")).isInstanceOf(IllegalArgumentException.class);
  }

  private HttpResponse<String> post(int port) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/projects/P-1/inspections"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"inspectionId\":\"x\"}"))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
