package org.capillary.conformance.platform;

import java.util.Set;
import java.util.regex.Pattern;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/**
 * An accepted write names the connector's plan and what is left of it: IETF {@code RateLimit-Policy}
 * ({@code "plan";q=…;w=…}) and {@code RateLimit} ({@code "plan";r=…;t=…}).
 */
public final class EnsureRateLimitHeadersPresent implements Check<RateLimitRun> {

  private static final Pattern POLICY = Pattern.compile("^\"[^\"]+\";.*\\bq=\\d+.*$");
  private static final Pattern LIMIT = Pattern.compile("^\"[^\"]+\";.*\\br=\\d+.*$");

  @Override
  public String description() {
    return "An accepted write carries RateLimit-Policy (q, w) and RateLimit (r, t) headers.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-RL-01");
  }

  @Override
  public CheckResult run(RateLimitRun run, Transcript transcript) {
    Exchange e = run.accepted();
    if (e.status() != 201) {
      return CheckResult.fail("the write was not accepted", e.brief(), e.bodyText(300));
    }
    String policy = e.header("RateLimit-Policy").orElse("");
    String limit = e.header("RateLimit").orElse("");
    if (!POLICY.matcher(policy).matches() || !LIMIT.matcher(limit).matches()) {
      return CheckResult.fail("RateLimit-Policy '" + policy + "' or RateLimit '" + limit + "' missing or malformed", e.brief());
    }
    return CheckResult.pass("RateLimit-Policy " + policy + "; RateLimit " + limit);
  }
}
