package org.capillary.conformance.connector.check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capillary.conformance.connector.ConnectorOutcome;
import org.capillary.conformance.connector.ConnectorCycle;
import org.capillary.conformance.connector.ConnectorRun;
import org.capillary.conformance.connector.Instructions;
import org.capillary.conformance.plan.Transcript;
import org.capillary.conformance.sandbox.Fault;
import org.capillary.conformance.sandbox.FaultScript;
import org.capillary.conformance.sandbox.Finding;
import org.capillary.conformance.sandbox.ReceivedRequest;
import org.capillary.conformance.sandbox.SignedMembers;
import org.jspecify.annotations.Nullable;

/** Builds runs by hand for the checks' unit tests: what a sandbox would have recorded. */
final class Runs {

  static final Transcript NO_TRANSCRIPT = (kind, data) -> { };
  static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  private final List<ReceivedRequest> received = new ArrayList<>();
  private final Map<String, String> uploads = new LinkedHashMap<>();
  private Instructions instructions = new Instructions("c-1", List.of(), List.of());

  /** One request to record. */
  final class Req {
    private String method = "POST";
    private String target = "/v1/alerts";
    private @Nullable String operationId = "publishAlert";
    private String body = "{\"id\":\"e-1\",\"source\":\"urn:x\"}";
    private String contentType = "application/cloudevents+json";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private @Nullable Fault fault;
    private int status = 201;
    private @Nullable String problemCode;
    private @Nullable String submissionId;
    private boolean replayed;
    private long atMillis;
    private String jti;

    Req() {
      this.jti = "jti-" + String.format("%016d", received.size() + 1);
      headers.put("Idempotency-Key", "key-1");
    }

    Req op(String op, String method, String target) {
      this.operationId = op;
      this.method = method;
      this.target = target;
      return this;
    }

    Req body(String json) {
      this.body = json;
      return this;
    }

    Req contentType(String type) {
      this.contentType = type;
      return this;
    }

    Req key(@Nullable String key) {
      if (key == null) {
        headers.remove("Idempotency-Key");
      } else {
        headers.put("Idempotency-Key", key);
      }
      return this;
    }

    Req header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Req finding(String code) {
      findings.add(new Finding(code, 400, "CAP-X", "test"));
      return this;
    }

    Req fault(Fault f, int status, @Nullable String code) {
      this.fault = f;
      this.status = status;
      this.problemCode = code;
      return this;
    }

    Req answered(int status, @Nullable String code) {
      this.status = status;
      this.problemCode = code;
      return this;
    }

    Req filed(String submissionId, boolean replayed) {
      this.submissionId = submissionId;
      this.replayed = replayed;
      return this;
    }

    Req at(long millis) {
      this.atMillis = millis;
      return this;
    }

    Req jti(String jti) {
      this.jti = jti;
      return this;
    }

    Runs add() {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put("Content-Type", contentType);
      boolean write = !method.equals("GET") && !method.equals("HEAD");
      received.add(new ReceivedRequest(received.size() + 1, T0.plusMillis(atMillis), method, target, operationId, write,
          all, bytes, digest(bytes), new SignedMembers("ES256", "k1", T0.getEpochSecond(), jti, method, target,
          digest(bytes), headers.get("Idempotency-Key")), findings, fault, status, problemCode, submissionId, replayed));
      return Runs.this;
    }
  }

  Req request() {
    return new Req();
  }

  Runs upload(String mediaId, String sha256) {
    uploads.put(mediaId, sha256);
    return this;
  }

  Runs instructions(Instructions given) {
    this.instructions = given;
    return this;
  }

  ConnectorRun run() {
    return new ConnectorRun("test", instructions, FaultScript.none(), received, uploads, ConnectorOutcome.success());
  }

  ConnectorRun run(FaultScript faults, ConnectorOutcome outcome, ConnectorCycle cycle) {
    return new ConnectorRun("test", instructions, faults, received, uploads, outcome, cycle);
  }

  static String digest(byte[] body) {
    try {
      return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)) + ":";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
