package org.capillary.gateway.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.ratelimit.RatePlanProperties;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.validation.ContractValidator;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ConnectorAdministrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
  private static volatile ContractValidator validator;

  private final TestDatabase db = TestDatabase.create();
  private final CountingDirectory directory = new CountingDirectory();
  private final ConnectorAdministration admin = new ConnectorAdministration(directory, RatePlanProperties.defaults());

  /** The contract's validator, loaded once (also used by the other tests of this package). */
  static ContractValidator validator() {
    if (validator == null) {
      synchronized (ConnectorAdministrationTest.class) {
        if (validator == null) {
          validator = ContractValidator.create(Contract.load());
        }
      }
    }
    return validator;
  }

  @Test
  void registersAConnectorAndDescribesItAsConnectorJson() {
    ECKey key = ec("ins-x-1");
    JsonNode out = admin.registerConnector(db.jdbc, registration("ins-x", key), Map.of(), NOW);

    assertThat(validator().validateAgainst("schemas/Connector.json", out)).isEmpty();
    assertThat(out.get("connectorId").stringValue()).isEqualTo("ins-x");
    assertThat(out.get("status").stringValue()).isEqualTo("ACTIVE");
    assertThat(out.get("ratePlan").stringValue()).isEqualTo("standard");
    assertThat(out.at("/rateLimit/requestsPerSecond").doubleValue()).isEqualTo(100.0);
    assertThat(out.at("/rateLimit/burst").longValue()).isEqualTo(100);
    assertThat(out.at("/organisation/uscc").stringValue()).isEqualTo("91440300MA5DTE001K");
    assertThat(out.at("/keys/0/kid").stringValue()).isEqualTo("ins-x-1");
    assertThat(out.at("/keys/0/status").stringValue()).isEqualTo("ACTIVE");
    assertThat(out.at("/keys/0/notBefore").stringValue()).isEqualTo("2026-03-02T01:30:00Z");
    assertThat(out.get("createdAt").stringValue()).isEqualTo("2026-03-02T01:30:00Z");
    assertThat(admin.describe(db.jdbc, "ins-x")).contains(out);
    assertThat(directory.refreshes).hasValue(1);
  }

  @Test
  void subdistrictOfficeKeepsItsCodes() {
    ObjectNode body = registration("office", ec("office-1"));
    body.put("role", "SUBDISTRICT_OFFICE");
    body.putArray("subdistrictCodes").add("440304001").add("440304002");
    JsonNode out = admin.registerConnector(db.jdbc, body, Map.of(), NOW);
    assertThat(out.get("subdistrictCodes").toString()).isEqualTo("[\"440304001\",\"440304002\"]");
    assertThat(validator().validateAgainst("schemas/Connector.json", out)).isEmpty();
  }

  @Test
  void duplicateConnectorIdOrKidIsAConflict() {
    admin.registerConnector(db.jdbc, registration("ins-x", ec("k-1")), Map.of(), NOW);
    assertCode(() -> admin.registerConnector(db.jdbc, registration("ins-x", ec("k-2")), Map.of(), NOW), "CONFLICT");
    // kids are unique across connectors
    assertCode(() -> admin.registerConnector(db.jdbc, registration("ins-y", ec("k-1")), Map.of(), NOW), "CONFLICT");
    assertThat(admin.describe(db.jdbc, "ins-y")).isEmpty();
  }

  @Test
  void privateKeyIsRefused() {
    ObjectNode body = registration("ins-x", ec("k-1"));
    ((ObjectNode) body.at("/jwks/keys/0")).put("d", "AAAA");
    ProblemException p = assertCode(() -> admin.registerConnector(db.jdbc, body, Map.of(), NOW), "VALIDATION_FAILED");
    assertThat(p.errors().get(0).pointer()).isEqualTo("/jwks/keys/0");
  }

  @Test
  void keyWhoseAlgDoesNotFitItsTypeIsRefused() {
    ObjectNode body = registration("ins-x", ec("k-1"));
    ((ObjectNode) body.at("/jwks/keys/0")).put("alg", "EdDSA");
    assertCode(() -> admin.registerConnector(db.jdbc, body, Map.of(), NOW), "VALIDATION_FAILED");
  }

  @Test
  void updateIsAMergePatch() {
    admin.registerConnector(db.jdbc, registration("ins-x", ec("k-1")), Map.of(), NOW);
    JsonNode suspended = admin.updateConnector(db.jdbc,
        json("{\"status\":\"SUSPENDED\",\"suspensionReason\":\"unpaid\",\"ratePlan\":\"devices\"}"),
        Map.of("connectorId", "ins-x"), NOW.plusSeconds(60));
    assertThat(suspended.get("status").stringValue()).isEqualTo("SUSPENDED");
    assertThat(suspended.get("suspensionReason").stringValue()).isEqualTo("unpaid");
    assertThat(suspended.get("ratePlan").stringValue()).isEqualTo("devices");
    assertThat(suspended.get("displayName").stringValue()).isEqualTo("Insurer ins-x");
    assertThat(suspended.get("updatedAt").stringValue()).isEqualTo("2026-03-02T01:31:00Z");
    assertThat(suspended.get("createdAt").stringValue()).isEqualTo("2026-03-02T01:30:00Z");

    JsonNode active = admin.updateConnector(db.jdbc, json("{\"status\":\"ACTIVE\"}"), Map.of("connectorId", "ins-x"), NOW);
    assertThat(active.get("status").stringValue()).isEqualTo("ACTIVE");
    assertThat(active.has("suspensionReason")).isFalse();
    assertThat(validator().validateAgainst("schemas/Connector.json", active)).isEmpty();
  }

  @Test
  void updateOfAnUnknownConnectorIsNotFound() {
    assertCode(() -> admin.updateConnector(db.jdbc, json("{\"displayName\":\"x\"}"), Map.of("connectorId", "nobody"), NOW), "NOT_FOUND");
  }

  @Test
  void addsAKeyWithAWindow() {
    admin.registerConnector(db.jdbc, registration("ins-x", ec("k-1")), Map.of(), NOW);
    ObjectNode body = JSON.createObjectNode();
    body.set("jwk", publicJwk(ec("k-2")));
    body.put("notBefore", "2026-03-03T00:00:00+08:00");
    body.put("notAfter", "2026-04-03T00:00:00+08:00");
    JsonNode out = admin.addConnectorKey(db.jdbc, body, Map.of("connectorId", "ins-x"), NOW);
    assertThat(out.at("/keys/1/kid").stringValue()).isEqualTo("k-2");
    assertThat(out.at("/keys/1/notBefore").stringValue()).isEqualTo("2026-03-02T16:00:00Z");
    assertThat(out.at("/keys/1/notAfter").stringValue()).isEqualTo("2026-04-02T16:00:00Z");

    assertCode(() -> admin.addConnectorKey(db.jdbc, body, Map.of("connectorId", "ins-x"), NOW), "CONFLICT");
    ObjectNode other = JSON.createObjectNode();
    other.set("jwk", publicJwk(ec("k-3")));
    assertCode(() -> admin.addConnectorKey(db.jdbc, other, Map.of("connectorId", "nobody"), NOW), "NOT_FOUND");
    other.put("notBefore", "2026-03-03T00:00:00Z");
    other.put("notAfter", "2026-03-03T00:00:00Z");
    assertCode(() -> admin.addConnectorKey(db.jdbc, other, Map.of("connectorId", "ins-x"), NOW), "VALIDATION_FAILED");
  }

  @Test
  void rotationRetiresTheOldKeyAfterTheOverlap() {
    admin.registerConnector(db.jdbc, registration("ins-x", ec("k-1")), Map.of(), NOW);
    ObjectNode body = JSON.createObjectNode();
    body.set("newKey", publicJwk(ec("k-2")));
    body.put("retireKid", "k-1");
    body.put("overlapSeconds", 3600);
    JsonNode out = admin.rotateConnectorKey(db.jdbc, body, Map.of("connectorId", "ins-x"), NOW);
    assertThat(out.at("/keys/0/status").stringValue()).isEqualTo("RETIRING");
    assertThat(out.at("/keys/0/notAfter").stringValue()).isEqualTo("2026-03-02T02:30:00Z");
    assertThat(out.at("/keys/1/status").stringValue()).isEqualTo("ACTIVE");

    ObjectNode again = JSON.createObjectNode();
    again.set("newKey", publicJwk(ec("k-3")));
    again.put("retireKid", "k-1");
    assertCode(() -> admin.rotateConnectorKey(db.jdbc, again, Map.of("connectorId", "ins-x"), NOW), "CONFLICT");
    again.put("retireKid", "k-9");
    assertCode(() -> admin.rotateConnectorKey(db.jdbc, again, Map.of("connectorId", "ins-x"), NOW), "NOT_FOUND");
  }

  @Test
  void rotationWithoutOverlapSecondsKeepsTheOldKeyForADay() {
    admin.registerConnector(db.jdbc, registration("ins-x", ec("k-1")), Map.of(), NOW);
    ObjectNode body = JSON.createObjectNode();
    body.set("newKey", publicJwk(ec("k-2")));
    body.put("retireKid", "k-1");
    JsonNode out = admin.rotateConnectorKey(db.jdbc, body, Map.of("connectorId", "ins-x"), NOW);
    assertThat(out.at("/keys/0/notAfter").stringValue()).isEqualTo(NOW.plus(Duration.ofDays(1)).toString());
  }

  @Test
  void revocationIsImmediateAndFinal() {
    admin.registerConnector(db.jdbc, registration("ins-x", ec("k-1")), Map.of(), NOW);
    admin.registerConnector(db.jdbc, registration("ins-y", ec("y-1")), Map.of(), NOW);
    JsonNode body = json("{\"reason\":\"KEY_COMPROMISE\",\"note\":\"INC-7\"}");
    JsonNode out = admin.revokeConnectorKey(db.jdbc, body, Map.of("connectorId", "ins-x", "kid", "k-1"), NOW);
    assertThat(out.at("/keys/0/status").stringValue()).isEqualTo("REVOKED");
    assertThat(out.at("/keys/0/revokedAt").stringValue()).isEqualTo(NOW.toString());
    assertThat(out.at("/keys/0/revocationReason").stringValue()).isEqualTo("KEY_COMPROMISE");
    assertThat(validator().validateAgainst("schemas/Connector.json", out)).isEmpty();

    assertCode(() -> admin.revokeConnectorKey(db.jdbc, body, Map.of("connectorId", "ins-x", "kid", "k-1"), NOW), "CONFLICT");
    // a kid of another connector is not this connector's key
    assertCode(() -> admin.revokeConnectorKey(db.jdbc, body, Map.of("connectorId", "ins-x", "kid", "y-1"), NOW), "NOT_FOUND");
  }

  @Test
  void applyDispatchesTheConnectorOperationsOnly() {
    ObjectNode body = registration("ins-x", ec("k-1"));
    assertThat(admin.apply("registerConnector", db.jdbc, body, Map.of(), NOW)).isPresent();
    assertThat(admin.apply("getConnector", db.jdbc, JSON.missingNode(), Map.of("connectorId", "ins-x"), NOW))
        .get().extracting(n -> n.get("connectorId").stringValue()).isEqualTo("ins-x");
    assertCode(() -> admin.apply("getConnector", db.jdbc, JSON.missingNode(), Map.of("connectorId", "nobody"), NOW), "NOT_FOUND");
    assertThat(admin.apply("createInspection", db.jdbc, body, Map.of(), NOW)).isEmpty();
  }

  @Test
  void directoryIsRefreshedOnlyAfterCommit() {
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource));
    assertCode(() -> tx.executeWithoutResult(status -> {
      admin.registerConnector(db.jdbc, registration("ins-x", ec("k-1")), Map.of(), NOW);
      throw new ProblemException("SERVICE_UNAVAILABLE", "the ledger failed after the side effect");
    }), "SERVICE_UNAVAILABLE");
    assertThat(admin.describe(db.jdbc, "ins-x")).isEmpty();
    assertThat(directory.refreshes).hasValue(0);

    tx.executeWithoutResult(status -> admin.registerConnector(db.jdbc, registration("ins-x", ec("k-1")), Map.of(), NOW));
    assertThat(directory.refreshes).hasValue(1);
    assertThat(admin.describe(db.jdbc, "ins-x")).isPresent();
  }

  // ------------------------------------------------------------------------------ helpers

  static ObjectNode registration(String connectorId, ECKey key) {
    ObjectNode body = JSON.createObjectNode();
    body.put("connectorId", connectorId);
    body.put("role", "INSURER");
    ObjectNode org = body.putObject("organisation");
    org.put("name", "示例保险");
    org.put("uscc", "91440300MA5DTE001K");
    body.put("displayName", "Insurer " + connectorId);
    body.putObject("jwks").putArray("keys").add(publicJwk(key));
    body.put("contactEmail", "it@example.com");
    assertThat(validator().validate("registerConnector", body)).isEmpty();
    return body;
  }

  static JsonNode publicJwk(ECKey key) {
    return JSON.readTree(key.toPublicJWK().toJSONString());
  }

  static ECKey ec(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  private static ProblemException assertCode(Runnable action, String code) {
    ProblemException p = catchThrowableOfType(ProblemException.class, action::run);
    assertThat(p).as("expected %s", code).isNotNull();
    assertThat(p.code()).isEqualTo(code);
    return p;
  }

  /** Counts refreshes; answers nothing. */
  static final class CountingDirectory implements ConnectorDirectory {
    final AtomicInteger refreshes = new AtomicInteger();
    final List<String> lookups = new ArrayList<>();

    @Override
    public Optional<ConnectorKey> findUsableKey(String kid) {
      lookups.add(kid);
      return Optional.empty();
    }

    @Override
    public Optional<Connector> findConnector(String connectorId) {
      return Optional.empty();
    }

    @Override
    public void refresh() {
      refreshes.incrementAndGet();
    }
  }
}
