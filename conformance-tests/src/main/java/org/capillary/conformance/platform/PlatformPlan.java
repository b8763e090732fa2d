package org.capillary.conformance.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capillary.conformance.plan.Plan;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;

/**
 * Certifies a platform implementation: any gateway at a base URL, called with valid and hostile
 * requests as the connectors of the settings (the gateway under test must know them: an operator,
 * two insurers, a device vendor, each with its private key).
 *
 * <p>Run: {@code run --plan platform --set baseUrl=http://host:port --set operator.id=… --set
 * operator.keyFile=op.jwk … [--set rateLimit.plan=<small plan>]}.
 */
public final class PlatformPlan implements Plan {

  /** The gateway's base URL. */
  public static final String BASE_URL = "baseUrl";

  @Override
  public String id() {
    return "platform";
  }

  @Override
  public String role() {
    return "platform";
  }

  @Override
  public String description() {
    return "Certifies a gateway implementation at a base URL: every write operation of the contract, every error family,"
        + " signature and replay rules, idempotency, rate-limit headers and 429, receipts, every read operation, pagination, resumable uploads.";
  }

  @Override
  public Map<String, String> requiredSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(BASE_URL, "the gateway, e.g. http://127.0.0.1:8080");
    for (String role : List.of("operator", "insurerA", "insurerB", "vendor")) {
      s.put(role + ".id", "the connector id of the " + role + " the gateway knows");
      s.put(role + ".keyFile", "the " + role + "'s private signing JWK (ES256, PS256 or EdDSA)");
    }
    return s;
  }

  @Override
  public Map<String, String> optionalSettings() {
    return Map.of(RateLimitScenario.PLAN_SETTING, "a rate plan of the gateway with a capacity below "
        + RateLimitScenario.MAX_BURST + " per window; without it the 429 check is NOT_APPLICABLE");
  }

  @Override
  public String targetId(RunSettings settings) {
    return settings.value("target").orElse(settings.value(BASE_URL).orElse("unnamed"));
  }

  @Override
  public List<Scenario<?>> scenarios() {
    return List.of(
        new WriteOperationsScenario(),
        new ReadOperationsScenario(),
        new ProblemScenario("error-families", "Sends correctly signed requests that break one rule each: guard, idempotency,"
            + " validation, routing, authorisation.", ErrorFamilies.cases(), List.of(new EnsureProblemDocumentsWellFormed(requirementsOf(ErrorFamilies.cases())))),
        new ProblemScenario("signature-rules", "Sends requests whose signature is missing, malformed, of a refused algorithm,"
            + " without crit, of an unknown or wrong key, stale, bound elsewhere, or over other bytes.", SignatureRules.cases(),
            List.of(new EnsureProblemDocumentsWellFormed(requirementsOf(SignatureRules.cases())),
                new ExpectWwwAuthenticateOnUnauthorized(), new ExpectSignatureDebuggingAid())),
        new ReplayScenario(),
        new IdempotencyScenario(),
        new RateLimitScenario(),
        new PaginationScenario(),
        new MediaUploadScenario());
  }

  private static java.util.Set<String> requirementsOf(List<ProblemCase> cases) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    cases.forEach(c -> ids.add(c.requirement()));
    return ids;
  }
}
