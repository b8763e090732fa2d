package org.capillary.conformance.platform;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalogue of hostile signatures (spec/SIGNING.md §6): each bends one thing of an otherwise
 * correct registerPolicy request by insurer A.
 */
final class SignatureRules {

  private SignatureRules() {}

  /** How a case bends the protected header (and may sign with another key or send other bytes). */
  private interface Bend {
    Exchange send(PlatformSession s, String name);
  }

  static List<ProblemCase> cases() {
    return List.of(
        new ProblemCase("missing-signature", 401, "SIGNATURE_MISSING", (s) -> s.client().send("missing-signature", "POST",
            PolicyRequests.TARGET, Map.of("Idempotency-Key", PolicyRequests.key(), "Content-Type", "application/json"),
            PolicyRequests.body(s.fixtures()))),
        bent("attached-payload", 401, "SIGNATURE_MALFORMED", (s, name) -> {
          byte[] body = PolicyRequests.body(s.fixtures());
          String idk = PolicyRequests.key();
          String detached = s.connectors().insurerA().signer().sign("POST", PolicyRequests.TARGET, body, idk).headerValue();
          String attached = detached.replace("..", "." + PolicyRequests.b64(body) + ".");
          return s.client().send(name, "POST", PolicyRequests.TARGET, PolicyRequests.headers(attached, idk), body);
        }),
        withAlso(header("forbidden-jwk-member", 401, "SIGNATURE_MALFORMED",
            (s, h) -> h.set("jwk", Exchange.JSON.readTree(s.connectors().insurerA().publicJwk().toJSONString()))), "CAP-SIG-13"),
        header("algorithm-hs256", 401, "SIGNATURE_ALGORITHM_NOT_ALLOWED", (s, h) -> h.put("alg", "HS256")),
        header("missing-crit", 401, "SIGNATURE_CRITICAL_HEADER", (s, h) -> h.remove("crit")),
        header("unknown-kid", 401, "SIGNATURE_KEY_UNKNOWN", (s, h) -> h.put("kid", s.fixtures().id("cc-unknown-kid"))),
        header("stale-iat", 401, "SIGNATURE_EXPIRED", (s, h) -> h.put("iat", h.get("iat").asLong() - 3600)),
        header("signed-for-another-path", 401, "SIGNATURE_BINDING_MISMATCH", (s, h) -> h.put("htp", "/v1/devices")),
        bent("wrong-key", 401, "SIGNATURE_INVALID", (s, name) -> {
          PlatformConnector a = s.connectors().insurerA();
          PlatformConnector impostor = PlatformConnector.fromJwk(a.connectorId(), Fixtures.newKey(a.kid()).toJSONString(),
              s.clock());
          byte[] body = PolicyRequests.body(s.fixtures());
          String idk = PolicyRequests.key();
          return s.client().send(name, "POST", PolicyRequests.TARGET,
              PolicyRequests.headers(impostor.signer().sign("POST", PolicyRequests.TARGET, body, idk).headerValue(), idk), body);
        }),
        bent("tampered-body", 401, "SIGNATURE_INVALID", (s, name) -> {
          byte[] body = PolicyRequests.body(s.fixtures());
          String idk = PolicyRequests.key();
          String signature = s.connectors().insurerA().signer().sign("POST", PolicyRequests.TARGET, body, idk).headerValue();
          String tampered = new String(body, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\"policyId\":\"pol-", "\"policyId\":\"poX-");
          return s.client().send(name, "POST", PolicyRequests.TARGET, PolicyRequests.headers(signature, idk), PolicyRequests.utf8(tampered));
        }));
  }

  private static ProblemCase withAlso(ProblemCase c, String... ids) {
    return new ProblemCase(c.name(), c.status(), c.code(), c.send(), java.util.Set.of(ids));
  }

  private static ProblemCase bent(String name, int status, String code, Bend bend) {
    return new ProblemCase(name, status, code, s -> bend.send(s, name));
  }

  private static ProblemCase header(String name, int status, String code, java.util.function.BiConsumer<PlatformSession, ObjectNode> edit) {
    return bent(name, status, code, (s, n) -> {
      PlatformConnector a = s.connectors().insurerA();
      byte[] body = PolicyRequests.body(s.fixtures());
      String idk = PolicyRequests.key();
      ObjectNode h = PolicyRequests.header(a, "POST", PolicyRequests.TARGET, body, idk, s.clock().instant().getEpochSecond());
      edit.accept(s, h);
      return s.client().send(n, "POST", PolicyRequests.TARGET, PolicyRequests.headers(PolicyRequests.sign(a, h, body), idk), body);
    });
  }
}
