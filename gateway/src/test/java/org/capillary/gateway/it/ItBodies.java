package org.capillary.gateway.it;

import com.nimbusds.jose.jwk.JWK;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.capillary.gateway.support.SpecExamples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies for the process tests: the contract's valid examples (via {@link SpecExamples})
 * with fresh ids, as {@code support.Scenario} prepares them for the in-process tests.
 */
final class ItBodies {

  /** Distinguishes this JVM's ids from those of earlier runs against the same Redis. */
  static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);

  private static final AtomicLong SEQ = new AtomicLong();

  /** The examples, read once: SpecExamples reads every example file on each call. */
  private static final JsonNode POLICY = SpecExamples.firstValid("registerPolicy");
  private static final JsonNode INSPECTION = SpecExamples.firstValid("submitInspection");
  private static final JsonNode REGISTRATION = SpecExamples.firstValid("registerConnector");

  private ItBodies() {}

  /** A fresh id, e.g. {@code pol-1x9z3k-17}. */
  static String id(String prefix) {
    return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
  }

  /** registerPolicy: a policy of a fresh id covering one project. */
  static ObjectNode policy(String policyId, String projectId) {
    ObjectNode body = (ObjectNode) POLICY.deepCopy();
    body.put("policyId", policyId);
    ArrayNode projects = (ArrayNode) body.get("projects");
    while (projects.size() > 1) {
      projects.remove(projects.size() - 1);
    }
    ((ObjectNode) projects.get(0)).put("projectId", projectId);
    return body;
  }

  /** A fresh project id (pattern of the contract: 6-40 letters, digits and dashes). */
  static String projectId() {
    return id("FT-T");
  }

  /** submitInspection: the first valid example with a fresh inspection id. */
  static ObjectNode inspection() {
    ObjectNode body = (ObjectNode) INSPECTION.deepCopy();
    body.put("inspectionId", id("insp"));
    return body;
  }

  /**
   * registerConnector: an insurer with one key on a rate plan.
   *
   * @param connectorId the new connector's id
   * @param publicKey its public JWK (with kid and alg)
   * @param ratePlan the plan name
   */
  static ObjectNode insurerRegistration(String connectorId, JWK publicKey, String ratePlan) {
    ObjectNode body = (ObjectNode) REGISTRATION.deepCopy();
    body.put("connectorId", connectorId);
    body.put("role", "INSURER");
    body.put("ratePlan", ratePlan);
    body.remove("subdistrictCodes");
    ObjectNode jwks = body.putObject("jwks");
    jwks.putArray("keys").add(GatewayHttp.JSON.readTree(publicKey.toPublicJWK().toJSONString()));
    return body;
  }

  /** Compact JSON bytes. */
  static byte[] compact(JsonNode body) {
    return GatewayHttp.JSON.writeValueAsBytes(body);
  }

  /** Indented JSON bytes with a final newline: a gateway that re-encodes bodies would lose this. */
  static byte[] pretty(JsonNode body) {
    String text = GatewayHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n";
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
