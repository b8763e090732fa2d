package org.capillary.conformance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.capillary.conformance.plan.Status;
import org.capillary.conformance.run.CheckOutcome;
import org.capillary.conformance.run.RunResult;
import org.capillary.spec.contract.Contract;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The claims of a certification report (the JWS payload, {@linkplain
 * org.capillary.conformance.run.CanonicalJson canonical JSON}):
 *
 * <pre>{@code
 * {"iss": operator, "jti": uuid, "iat": t, "nbf": t, "exp": t + validity,
 *  "suite": {"name", "version"}, "contract": {"version", "digest"},
 *  "plan": {"id", "role"}, "target": {"id"}, "status": "PASS" | "CONDITIONAL" | "IN-REVISION" | ...,
 *  "counts": {"PASS": n, "FAIL": n, "ERROR": n, "NOT_APPLICABLE": n},
 *  "results": [{"scenario", "check", "mandatory", "requirements": [...], "status", "summary"}],
 *  "transcript": {"entries": n, "headHash": hex}}
 * }</pre>
 */
public final class CertificationReport {

  /** The JWS {@code typ} of certification reports. */
  public static final String TYPE = "capillary-certification+jws";

  /** How long a report is valid unless the operator says otherwise. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

  private CertificationReport() {}

  /**
   * Builds the claims of a run's report.
   *
   * @param result the run
   * @param issuer the operator issuing the report
   * @param targetId who or what was certified (a connector id, a gateway's base URL)
   * @param issuedAt when it is issued
   * @param validity how long it is valid
   * @return the payload
   */
  public static ObjectNode claims(RunResult result, String issuer, String targetId, Instant issuedAt, Duration validity) {
    Objects.requireNonNull(result, "result");
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode claims = nodes.objectNode();
    claims.put("iss", issuer);
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("iat", issuedAt.getEpochSecond());
    claims.put("nbf", issuedAt.getEpochSecond());
    claims.put("exp", issuedAt.plus(validity).getEpochSecond());
    claims.putObject("suite").put("name", SuiteVersion.NAME).put("version", SuiteVersion.version());
    claims.putObject("contract").put("version", Contract.load().version()).put("digest", ContractDigest.ofSuiteContract());
    claims.putObject("plan").put("id", result.planId()).put("role", result.role());
    claims.putObject("target").put("id", targetId);
    claims.put("status", CertificationStatus.of(result).label());
    ObjectNode counts = claims.putObject("counts");
    result.counts().forEach((status, n) -> counts.put(status.name(), n));
    ArrayNode results = claims.putArray("results");
    for (CheckOutcome o : result.outcomes()) {
      ObjectNode r = results.addObject();
      r.put("scenario", o.scenarioId());
      r.put("check", o.check());
      r.put("mandatory", o.mandatory());
      ArrayNode reqs = r.putArray("requirements");
      o.requirements().stream().sorted().forEach(reqs::add);
      r.put("status", o.status().name());
      r.put("summary", o.result().summary());
    }
    claims.putObject("transcript").put("entries", result.transcript().entries().size())
        .put("headHash", result.transcript().headHash());
    return claims;
  }

  /** Whether a result status of the payload counts as failed. */
  static boolean failed(String status) {
    return Status.FAIL.name().equals(status) || Status.ERROR.name().equals(status);
  }
}
