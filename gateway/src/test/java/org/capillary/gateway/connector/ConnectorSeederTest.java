package org.capillary.gateway.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.capillary.gateway.jws.ContentDigest;
import org.capillary.gateway.jws.RequestSignatureVerifier;
import org.capillary.gateway.jws.SignedRequest;
import org.capillary.gateway.ratelimit.RatePlanProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ConnectorSeederTest {

  private static final String DEMO = "classpath:connectors/demo-connectors.yaml";
  private static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");

  private final TestDatabase db = TestDatabase.create();
  private final TestDatabase.MutableClock clock = new TestDatabase.MutableClock(T0);
  private final JdbcConnectorDirectory directory = new JdbcConnectorDirectory(db.jdbc, clock, Duration.ofHours(1));
  private final ConnectorAdministration admin = new ConnectorAdministration(directory, RatePlanProperties.defaults());

  @AfterEach
  void stop() {
    directory.destroy();
  }

  private ConnectorSeeder seeder(String seedFile) {
    directory.start();
    return new ConnectorSeeder(db.jdbc, new DataSourceTransactionManager(db.dataSource), admin, directory, clock,
        new DefaultResourceLoader(), new ConnectorProperties(seedFile, Duration.ofSeconds(5)));
  }

  @Test
  void seedsTheDemoConnectorsOnceAndNeverOverwrites() {
    assertThat(seeder(DEMO).seed()).isEqualTo(5);
    assertThat(directory.findConnector("demo-operator")).get().extracting(Connector::role).isEqualTo(Role.OPERATOR);
    assertThat(directory.findConnector("demo-futian-nanyuan")).get()
        .extracting(Connector::subdistrictCodes).isEqualTo(List.of("440304001"));
    assertThat(directory.findConnector("demo-camera-vendor")).get().extracting(Connector::ratePlan).isEqualTo("devices");
    assertThat(directory.findConnector("demo-insurer-a")).get().extracting(Connector::ratePlan).isEqualTo("standard");
    assertThat(directory.findConnector("demo-operator")).get().extracting(Connector::ratePlan).isEqualTo("operator");

    admin.updateConnector(db.jdbc, JsonMapper.builder().build().readTree("{\"displayName\":\"Renamed\"}"),
        Map.of("connectorId", "demo-insurer-a"), T0);
    assertThat(seeder(DEMO).seed()).isZero();
    assertThat(admin.describe(db.jdbc, "demo-insurer-a").orElseThrow().get("displayName").stringValue()).isEqualTo("Renamed");
  }

  @Test
  void demoConnectorsAreValidRegistrations() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("connectors/demo-connectors.yaml")) {
      JsonNode root = new YAMLMapper().readTree(in);
      assertThat(root.get("connectors")).hasSize(5);
      for (JsonNode c : root.get("connectors")) {
        assertThat(ConnectorAdministrationTest.validator().validate("registerConnector", c))
            .as(c.get("connectorId").stringValue()).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo-operator-es256-1", "demo-insurer-a-es256-1", "demo-insurer-b-ed25519-1",
      "demo-insurer-b-ps256-1", "demo-camera-vendor-es256-1", "demo-futian-nanyuan-es256-1"})
  void eachPublishedDemoKeySignsRequestsTheGatewayAccepts(String kid) throws Exception {
    seeder(DEMO).seed();
    JWK key;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("connectors/demo-keys/" + kid + ".jwk.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).contains("TEST ONLY");
      key = JWK.parse(text);
    }
    assertThat(key.isPrivate()).isTrue();
    assertThat(key.getKeyID()).isEqualTo(kid);

    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String alg = key.getAlgorithm().getName();
    String path = "/v1/admin/connectors";
    String header = "{\"alg\":\"" + alg + "\",\"typ\":\"capillary-request+jws\",\"kid\":\"" + kid + "\",\"iat\":"
        + T0.getEpochSecond() + ",\"jti\":\"0123456789abcdef\",\"htm\":\"POST\",\"htp\":\"" + path + "\",\"cdg\":\""
        + ContentDigest.of(body) + "\",\"idk\":\"k1\",\"crit\":[\"iat\",\"jti\",\"htm\",\"htp\",\"cdg\",\"idk\"]}";
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String h = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8));
    String signature = new DefaultJWSSignerFactory().createJWSSigner(key, JWSAlgorithm.parse(alg))
        .sign(new JWSHeader(JWSAlgorithm.parse(alg)), (h + "." + b64.encodeToString(body)).getBytes(StandardCharsets.US_ASCII))
        .toString();

    var verified = new RequestSignatureVerifier(directory)
        .verify(new SignedRequest("POST", path, body, h + ".." + signature, "k1", null));
    assertThat(kid).startsWith(verified.connector().connectorId());
  }

  @Test
  void emptySeedFileDisablesSeedingAndAbsentMeansTheDemo() {
    assertThat(seeder("").seed()).isZero();
    assertThat(directory.findConnector("demo-operator")).isEmpty();

    ConnectorProperties empty = new Binder(new MapConfigurationPropertySource(Map.of("capillary.gateway.connectors.seed-file", "")))
        .bindOrCreate("capillary.gateway.connectors", ConnectorProperties.class);
    assertThat(empty.seedFile()).isNullOrEmpty();
    ConnectorProperties absent = new Binder(new MapConfigurationPropertySource(Map.of("other", "x")))
        .bindOrCreate("capillary.gateway.connectors", ConnectorProperties.class);
    assertThat(absent.seedFile()).isEqualTo(DEMO);
    assertThat(absent.refreshInterval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void seedFileWhoseKidIsTakenStopsStartUp(@TempDir Path dir) throws IOException {
    seeder(DEMO).seed();
    String demo = Files.readString(Path.of("src/main/resources/connectors/demo-connectors.yaml"));
    String clash = demo.replace("connectorId: demo-insurer-a", "connectorId: another-insurer");
    Path file = dir.resolve("clash.yaml");
    Files.writeString(file, clash);
    assertThatThrownBy(() -> seeder("file:" + file).seed())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another-insurer")
        .hasMessageContaining("CONFLICT");
    assertThat(directory.findConnector("another-insurer")).isEmpty();
  }

  @Test
  void missingSeedFileStopsStartUp() {
    assertThatThrownBy(() -> seeder("classpath:connectors/none.yaml").seed()).isInstanceOf(IllegalStateException.class);
  }
}
