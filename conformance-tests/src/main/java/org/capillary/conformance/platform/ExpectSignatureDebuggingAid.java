package org.capillary.conformance.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;
import tools.jackson.databind.JsonNode;

/**
 * Signature problems after parsing carry the debugging aid of spec/SIGNING.md §7: the SHA-256 of the
 * signing input the gateway verified (and the input itself, which must hash to it), the body's
 * digest, the first differing binding of a {@code SIGNATURE_BINDING_MISMATCH}, and the server time
 * of a {@code SIGNATURE_EXPIRED}.
 *
 * <p>Mandatory: SIGNING.md §7 (CAP-SIG-18) requires these members, so integrators are never left
 * guessing why a signature was refused.
 */
public final class ExpectSignatureDebuggingAid implements Check<ProblemRun> {

  private static final Set<String> BEFORE_PARSE = Set.of("SIGNATURE_MISSING", "SIGNATURE_MALFORMED");

  @Override
  public String description() {
    return "Signature problems carry signingInputSha256 (and signingInput hashing to it), contentDigest, mismatch and serverTime.";
  }

  @Override
  public Set<String> requirements() {
    return Set.of("CAP-SIG-18");
  }

  @Override
  public CheckResult run(ProblemRun run, Transcript transcript) {
    List<String> wrong = new ArrayList<>();
    int seen = 0;
    for (Exchange e : run.exchanges().values()) {
      String code = e.code();
      if (!code.startsWith("SIGNATURE_") || BEFORE_PARSE.contains(code)) {
        continue;
      }
      seen++;
      JsonNode p = e.json();
      String sha = p.path("signingInputSha256").asString("");
      if (!sha.matches("[0-9a-f]{64}")) {
        wrong.add(e.brief() + ": no signingInputSha256");
      } else if (p.has("signingInput")
          && !PlatformClient.sha256Hex(p.path("signingInput").asString("").getBytes(StandardCharsets.US_ASCII)).equals(sha)) {
        wrong.add(e.brief() + ": signingInput does not hash to signingInputSha256");
      }
      if (!p.path("contentDigest").asString("").startsWith("sha-256=:")) {
        wrong.add(e.brief() + ": no contentDigest");
      }
      if (code.equals("SIGNATURE_BINDING_MISMATCH") && p.path("mismatch").path("member").asString("").isEmpty()) {
        wrong.add(e.brief() + ": no mismatch.member");
      }
      if (code.equals("SIGNATURE_EXPIRED") && !p.path("serverTime").isIntegralNumber()) {
        wrong.add(e.brief() + ": no serverTime");
      }
    }
    if (seen == 0) {
      return CheckResult.fail("no signature problem after parsing was observed");
    }
    return wrong.isEmpty() ? CheckResult.pass(seen + " signature problems carry the debugging aid")
        : CheckResult.fail(wrong.size() + " signature problems lack the debugging aid", wrong);
  }
}
