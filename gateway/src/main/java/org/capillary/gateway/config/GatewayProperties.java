package org.capillary.gateway.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's identity and where it keeps its files.
 *
 * @param dataDir folder of the embedded database and the gateway key (default {@code ./data})
 * @param issuer the platform id written as {@code iss} in receipts (default {@code cn-440304}, the district code)
 * @param keyFile the gateway's private signing key (JWK JSON); created on first start when absent
 *     (default {@code <dataDir>/gateway-signing-key.jwk.json})
 * @param createKeyIfMissing whether a missing key file is created with a fresh key (default true,
 *     for the embedded default); the production profile sets false, so every replica must be given
 *     the same provisioned key and none silently signs with a key of its own
 */
@ConfigurationProperties("capillary.gateway")
public record GatewayProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("cn-440304") String issuer,
    @DefaultValue("") String keyFile,
    @DefaultValue("true") boolean createKeyIfMissing) {

  /** The signing key file, resolved against the data folder. */
  public Path signingKeyFile() {
    return keyFile.isBlank() ? dataDir.resolve("gateway-signing-key.jwk.json") : Path.of(keyFile);
  }
}
