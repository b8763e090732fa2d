package org.capillary.gateway.projection;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.capillary.gateway.store.JdbcLedger;
import org.capillary.gateway.store.NewSubmission;
import org.capillary.gateway.store.StoreProperties;
import org.capillary.gateway.store.StoredSubmission;
import org.capillary.gateway.support.SpecExamples;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Appends submissions to a real ledger (JdbcLedger), as the intake would after every check. */
public final class LedgerFixture {

  public static final String INSURER = "demo-insurer-a";
  public static final String VENDOR = "demo-camera-vendor";
  private static final JsonMapper JSON = JsonMapper.shared();

  private static final List<SpecExamples.Example> EXAMPLES = SpecExamples.all();

  private final JdbcLedger ledger;

  public LedgerFixture(DataSource dataSource, Clock clock) {
    this.ledger = new JdbcLedger(dataSource, new DataSourceTransactionManager(dataSource), Schedulers.immediate(), clock,
        new StoreProperties(Duration.ofSeconds(30), Duration.ofHours(24), Duration.ofMinutes(10), 0, 100));
  }

  /** Appends a body for an operation, as a connector, about a project. */
  public StoredSubmission append(String connectorId, String operationId, String path, String projectId, JsonNode body) {
    byte[] bytes = JSON.writeValueAsBytes(body);
    String key = UUID.randomUUID().toString();
    NewSubmission s = new NewSubmission(connectorId, operationId, "POST", path, projectId, "application/json", bytes,
        "sig", "sha-256=:x:", key, "jti-" + key, List.of());
    return ledger.append(s, r -> "h.p.s").block();
  }

  /** A registration of one project, from the contract's example, with the given ids. */
  public static ObjectNode policy(String policyId, String projectId, boolean highRisk) {
    ObjectNode body = example("registerPolicy", "valid-full");
    body.put("policyId", policyId);
    ArrayNode projects = (ArrayNode) body.get("projects");
    while (projects.size() > 1) {
      projects.remove(projects.size() - 1);
    }
    ObjectNode p = (ObjectNode) projects.get(0);
    p.put("projectId", projectId);
    p.put("highRisk", highRisk);
    if (highRisk) {
      p.putArray("highRiskReasons").add("STRUCTURAL_ALTERATION");
    }
    return body;
  }

  /** An example body of an operation, by file name. */
  public static ObjectNode example(String operationId, String name) {
    return (ObjectNode) EXAMPLES.stream().filter(e -> e.operationId().equals(operationId) && e.name().equals(name))
        .findFirst()
        .orElseThrow().body().deepCopy();
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
