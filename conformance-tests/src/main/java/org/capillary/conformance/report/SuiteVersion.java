package org.capillary.conformance.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The suite's name and version, as built ({@code capillary-conformance.properties}, filtered by Maven). */
public final class SuiteVersion {

  /** The suite's name in reports. */
  public static final String NAME = "capillary-conformance";

  private SuiteVersion() {}

  /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    try (InputStream in = SuiteVersion.class.getResourceAsStream("/capillary-conformance.properties")) {
      if (in == null) {
        throw new IllegalStateException("capillary-conformance.properties is missing from the suite");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
