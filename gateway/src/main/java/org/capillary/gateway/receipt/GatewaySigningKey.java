package org.capillary.gateway.receipt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own ES256 key, which signs receipts. Loaded from its file, or created on first
 * start and kept there (owner-only permissions), so receipts issued before a restart still verify
 * against {@code /.well-known/jwks.json}.
 */
public final class GatewaySigningKey {

  private static final Logger LOG = LoggerFactory.getLogger(GatewaySigningKey.class);

  private final ECKey privateKey;

  private GatewaySigningKey(ECKey privateKey) {
    this.privateKey = privateKey;
  }

  /**
   * Loads the key from a file that must exist (production: every replica signs with the same,
   * provisioned key).
   *
   * @param file the JWK file
   * @return the key
   * @throws IllegalStateException if the file is missing or does not hold a private EC P-256 key
   */
  public static GatewaySigningKey load(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalStateException("the gateway signing key " + file + " does not exist; provision it "
          + "(capillary.gateway.key-file) or allow creation with capillary.gateway.create-key-if-missing=true");
    }
    return loadOrCreate(file);
  }

  /**
   * Loads the key from a file, creating the file with a fresh key if it does not exist.
   *
   * @param file the JWK file
   * @return the key
   * @throws IllegalStateException if the file exists but does not hold a private EC P-256 key
   */
  public static GatewaySigningKey loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (!(jwk instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())) {
          throw new IllegalStateException(file + " does not hold a private EC P-256 JWK");
        }
        return new GatewaySigningKey(ec);
      }
      ECKey generated = new ECKeyGenerator(Curve.P_256)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.ES256)
          .keyIDFromThumbprint(true)
          .generate();
      write(file, generated.toJSONString());
      LOG.info("created the gateway signing key {} in {}", generated.getKeyID(), file);
      return new GatewaySigningKey(generated);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the gateway key " + file, e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("cannot load the gateway key " + file, e);
    }
  }

  private static void write(Path file, String json) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".gateway-key", ".tmp");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    }
    Files.writeString(tmp, json, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The private key (for signing only; never serialised into a response). */
  ECKey privateKey() {
    return privateKey;
  }

  /** The key id. */
  public String keyId() {
    return privateKey.getKeyID();
  }

  /** The public key set served at {@code /.well-known/jwks.json}. */
  public JWKSet publicJwks() {
    return new JWKSet(privateKey.toPublicJWK());
  }
}
