package org.capillary.gateway.events;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * Signs pushed events with the gateway key: a compact JWS with a detached payload ({@code
 * header..signature}), ES256, {@code typ capillary-event+jws}, {@code kid} of the gateway key; the
 * payload is the exact body bytes. Thread-safe.
 */
public final class EventSigner {

  /** The header a delivery carries its signature in. */
  public static final String HEADER = "Capillary-Event-Signature";
  /** The JOSE type of event signatures. */
  public static final JOSEObjectType TYPE = new JOSEObjectType("capillary-event+jws");

  private final JWSHeader header;
  private final ECDSASigner signer;

  /**
   * @param key a private EC P-256 key with a key id
   */
  public EventSigner(ECKey key) {
    this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.getKeyID()).build();
    try {
      this.signer = new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("the key cannot sign", e);
    }
  }

  /**
   * The gateway key as the receipt signer keeps it (its JWK file), checked against the key id the
   * gateway publishes.
   *
   * @param file the gateway key file
   * @param expectedKid the gateway key's id
   * @return the signer
   */
  public static EventSigner fromKeyFile(Path file, String expectedKid) {
    try {
      JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!(jwk instanceof ECKey ec) || !ec.isPrivate() || !expectedKid.equals(ec.getKeyID())) {
        throw new IllegalStateException(file + " does not hold the gateway's private key " + expectedKid);
      }
      return new EventSigner(ec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("cannot read the gateway key " + file, e);
    }
  }

  /**
   * @param body the exact bytes sent
   * @return the detached compact JWS
   */
  public String sign(byte[] body) {
    JWSObject jws = new JWSObject(header, new Payload(body));
    try {
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("event signing failed", e);
    }
    return jws.serialize(true);
  }
}
