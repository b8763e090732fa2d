package org.capillary.conformance.platform;

import java.util.Set;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.CheckResult;
import org.capillary.conformance.plan.Transcript;

/** tus discovery: OPTIONS /v1/uploads names version 1.0.0, the creation and checksum extensions, and sha256. */
public final class ExpectTusCapabilities implements Check<UploadRun> {

  @Override
  public String description() {
    return "OPTIONS /v1/uploads answers Tus-Resumable 1.0.0, Tus-Version with 1.0.0, Tus-Extension with creation and checksum, sha256.";
  }

  @Override
  public Set<String> requirements() {
    return OperationRequirements.of(Set.of("getUploadCapabilities"));
  }

  @Override
  public CheckResult run(UploadRun run, Transcript transcript) {
    Exchange e = run.capabilities();
    if (e.status() != 204 && e.status() != 200) {
      return CheckResult.fail("OPTIONS answered " + e.status(), e.brief());
    }
    String version = e.header("Tus-Version").orElse("");
    String extensions = e.header("Tus-Extension").orElse("");
    String algorithms = e.header("Tus-Checksum-Algorithm").orElse("");
    if (!"1.0.0".equals(e.header("Tus-Resumable").orElse("")) || !version.contains("1.0.0") || !extensions.contains("creation")
        || !extensions.contains("checksum") || !algorithms.contains("sha256")) {
      return CheckResult.fail("tus capabilities incomplete", "Tus-Resumable " + e.header("Tus-Resumable").orElse("none"),
          "Tus-Version " + version, "Tus-Extension " + extensions, "Tus-Checksum-Algorithm " + algorithms);
    }
    return CheckResult.pass("tus " + version + " with " + extensions);
  }
}
