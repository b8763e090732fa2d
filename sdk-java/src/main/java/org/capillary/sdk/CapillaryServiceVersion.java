package org.capillary.sdk;

/** The versions of the Capillary contract this SDK speaks. */
public enum CapillaryServiceVersion {
  /** Contract 1.x, served under {@code /v1}. */
  V1_0("1.0.0", "/v1");

  private final String version;
  private final String pathPrefix;

  CapillaryServiceVersion(String version, String pathPrefix) {
    this.version = version;
    this.pathPrefix = pathPrefix;
  }

  /** The contract's semantic version ({@code info.version} of openapi.yaml). */
  public String version() {
    return version;
  }

  /** The path prefix of the operations of this version. */
  public String pathPrefix() {
    return pathPrefix;
  }

  /** The newest version this SDK knows. */
  public static CapillaryServiceVersion latest() {
    return V1_0;
  }
}
