package org.capillary.conformance.platform;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import org.capillary.sdk.auth.CapillaryKeyCredential;
import org.capillary.sdk.auth.JwsRequestSigner;

/**
 * A connector the plan signs as: its id, its registered key and a signer.
 *
 * @param connectorId the connector id the gateway knows
 * @param credential the private key and its kid
 * @param signer signs requests per spec/SIGNING.md
 * @param publicJwk the public half, as registered
 */
public record PlatformConnector(String connectorId, CapillaryKeyCredential credential, JwsRequestSigner signer, JWK publicJwk) {

  /**
   * Reads a connector's private JWK file.
   *
   * @param connectorId the connector id
   * @param keyFile the private JWK
   * @param clock the clock for {@code iat}
   * @return the connector
   * @throws IllegalArgumentException if the file is not a usable private JWK
   */
  public static PlatformConnector fromKeyFile(String connectorId, Path keyFile, Clock clock) {
    try {
      return fromJwk(connectorId, Files.readString(keyFile, StandardCharsets.UTF_8), clock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key of " + connectorId + ": " + keyFile, e);
    }
  }

  /**
   * A connector from a private JWK.
   *
   * @param connectorId the connector id
   * @param privateJwk the private JWK as JSON
   * @param clock the clock for {@code iat}
   * @return the connector
   */
  public static PlatformConnector fromJwk(String connectorId, String privateJwk, Clock clock) {
    CapillaryKeyCredential credential = CapillaryKeyCredential.fromJwk(privateJwk);
    try {
      return new PlatformConnector(connectorId, credential, JwsRequestSigner.create(credential, clock),
          JWK.parse(privateJwk).toPublicJWK());
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a JWK", null);
    }
  }

  /** The key id. */
  public String kid() {
    return credential.kid();
  }

  @Override
  public String toString() {
    return connectorId + "(" + credential.kid() + ")";
  }
}
