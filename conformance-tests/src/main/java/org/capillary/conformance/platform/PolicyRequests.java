package org.capillary.conformance.platform;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.capillary.sdk.auth.JwsRequestSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request most refusal cases bend: registerPolicy by insurer A with a fresh, valid body. The
 * unbent request is accepted (the write-operations scenario shows it), so a refusal is caused by
 * exactly the one thing a case changes.
 */
final class PolicyRequests {

  static final String TARGET = "/v1/policies";

  private PolicyRequests() {}

  /** A fresh valid registerPolicy body. */
  static byte[] body(Fixtures fixtures) {
    ObjectNode body = (ObjectNode) ContractExamples.firstValid("registerPolicy");
    body.put("policyId", fixtures.id("pol"));
    ArrayNode projects = (ArrayNode) body.get("projects");
    while (projects.size() > 1) {
      projects.remove(projects.size() - 1);
    }
    ((ObjectNode) projects.get(0)).put("projectId", fixtures.id("FT-T"));
    return Exchange.JSON.writeValueAsBytes(body);
  }

  /** A fresh Idempotency-Key. */
  static String key() {
    return "cc-" + UUID.randomUUID();
  }

  /**
   * The protected header a correct signature of a write would carry, as a mutable object.
   *
   * @param connector the signer
   * @param method the method
   * @param target the target
   * @param body the body
   * @param idk the Idempotency-Key, or null for a read
   * @param iat the issued-at time
   * @return the header members
   */
  static ObjectNode header(PlatformConnector connector, String method, String target, byte[] body, String idk, long iat) {
    String json = JwsRequestSigner.protectedHeaderJson(connector.credential().algorithm(), connector.kid(), iat,
        UUID.randomUUID().toString(), method, target, JwsRequestSigner.contentDigest(body), idk);
    return (ObjectNode) Exchange.JSON.readTree(json);
  }

  /**
   * Signs a (possibly bent) protected header over a body with a connector's key.
   *
   * @param connector the key holder
   * @param header the header members
   * @param body the body whose base64url goes into the signing input
   * @return {@code H..S}
   */
  static String sign(PlatformConnector connector, JsonNode header, byte[] body) {
    String h = b64(Exchange.JSON.writeValueAsBytes(header));
    return h + ".." + connector.signer().signRaw(h + "." + b64(body));
  }

  static String b64(byte[] bytes) {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Headers of a write with a given signature value. */
  static Map<String, String> headers(String signature, String idk) {
    return Map.of("Capillary-Signature", signature, "Idempotency-Key", idk, "Content-Type", "application/json");
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
