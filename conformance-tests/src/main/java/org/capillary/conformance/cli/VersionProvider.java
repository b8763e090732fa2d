package org.capillary.conformance.cli;

import org.capillary.conformance.report.SuiteVersion;
import picocli.CommandLine;

/** {@code --version}: the suite's version. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {SuiteVersion.NAME + " " + SuiteVersion.version()};
  }
}
