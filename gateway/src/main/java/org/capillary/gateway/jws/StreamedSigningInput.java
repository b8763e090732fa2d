package org.capillary.gateway.jws;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The signing input of a request whose body is a {@link StreamedBody}: {@code ASCII(headerPart ||
 * '.' || BASE64URL(body))} produced on the fly, 3 body octets to 4 characters, and fed to a JCA
 * {@link Signature} (and to SHA-256 for {@code signingInputSha256}) without ever being
 * materialised. Verification uses the JDK providers:
 *
 * <ul>
 *   <li>ES256: {@code SHA256withECDSAinP1363Format} (the 64-octet R‖S of RFC 7518; out-of-range R
 *       or S fail), truly streaming;
 *   <li>PS256: {@code RSASSA-PSS} with SHA-256, MGF1-SHA-256, salt 32, trailer 1; streaming;
 *   <li>EdDSA: {@code Ed25519} (RFC 8032 pure). The JDK buffers the whole message internally
 *       (Ed25519 hashes R‖A‖M in one go), so a chunk's signing input, 4/3 of the chunk, is held
 *       once in memory by the provider: the per-request chunk size limit bounds it (16 MiB by
 *       default, about 22 MiB of signing input). ES256 and PS256 stay flat whatever the size.
 * </ul>
 */
final class StreamedSigningInput {

  private static final int BLOCK = 64 * 1024;

  private final String headerPart;
  private final StreamedBody body;
  private byte @Nullable [] sha256;

  StreamedSigningInput(String headerPart, StreamedBody body) {
    this.headerPart = headerPart;
    this.body = body;
  }

  /** The number of ASCII characters of the signing input. */
  long length() {
    long n = body.length();
    return headerPart.length() + 1L + (n / 3) * 4 + switch ((int) (n % 3)) {
      case 1 -> 2;
      case 2 -> 3;
      default -> 0;
    };
  }

  /** The signing input as text, when at most {@code max} characters; else null. */
  @Nullable String textIfAtMost(int max) {
    if (length() > max) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) length());
    feed(out);
    return out.toString(StandardCharsets.US_ASCII);
  }

  /** Lower-case hex SHA-256 of the signing input (computed once, by streaming). */
  String sha256Hex() {
    if (sha256 == null) {
      MessageDigest md = sha256();
      feed(new Sink(null, md));
      sha256 = md.digest();
    }
    return HexFormat.of().formatHex(sha256);
  }

  /**
   * Verifies a signature over the streamed signing input.
   *
   * @param jwk the registered public key (it fits alg)
   * @param alg ES256, PS256 or EdDSA
   * @param signature the decoded signature octets, of the right length for the key
   * @return whether it verifies
   * @throws JOSEException if the registered key cannot be turned into a JCA key
   */
  boolean verify(JWK jwk, String alg, byte[] signature) throws JOSEException {
    Signature verifier;
    try {
      verifier = verifierFor(jwk, alg);
    } catch (GeneralSecurityException e) {
      throw new JOSEException("cannot verify " + alg + " with " + jwk.getKeyID() + ": " + e, e);
    }
    // The signing input's own SHA-256 is needed only by a failure's problem document: computed
    // then (one more pass), not on the path of every accepted chunk.
    feed(new Sink(verifier, null));
    try {
      return verifier.verify(signature);
    } catch (java.security.SignatureException e) {
      return false; // e.g. an ECDSA R or S out of range: not a valid signature
    }
  }

  private void feed(OutputStream sink) {
    try {
      sink.write(headerPart.getBytes(StandardCharsets.US_ASCII));
      sink.write('.');
      // The encoder emits 4 characters per 3 octets as they come and the last 2 or 3 on close,
      // without padding: exactly BASE64URL of RFC 7515 §2.
      try (OutputStream encoder = Base64.getUrlEncoder().withoutPadding().wrap(sink);
          InputStream in = body.open()) {
        byte[] block = new byte[BLOCK];
        for (int n; (n = in.read(block)) > 0; ) {
          encoder.write(block, 0, n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Signature verifierFor(JWK jwk, String alg) throws GeneralSecurityException, JOSEException {
    switch (alg) {
      case "ES256" -> {
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initVerify(((ECKey) jwk).toECPublicKey());
        return s;
      }
      case "PS256" -> {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        s.initVerify(((RSAKey) jwk).toRSAPublicKey());
        return s;
      }
      case "EdDSA" -> {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(ed25519PublicKey((OctetKeyPair) jwk));
        return s;
      }
      default -> throw new JOSEException("no verifier for " + alg);
    }
  }

  /** RFC 8037 x (RFC 8032 encoding: little-endian y, top bit the parity of x) as a JCA key. */
  static PublicKey ed25519PublicKey(OctetKeyPair okp) throws GeneralSecurityException {
    byte[] encoded = okp.getX().decode();
    if (encoded.length != 32) {
      throw new GeneralSecurityException("an Ed25519 public key has 32 octets");
    }
    boolean xOdd = (encoded[31] & 0x80) != 0;
    byte[] y = new byte[32];
    for (int i = 0; i < 32; i++) {
      y[i] = encoded[31 - i];
    }
    y[0] &= 0x7f;
    EdECPublicKeySpec spec = new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, y)));
    return KeyFactory.getInstance("Ed25519").generatePublic(spec);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a mandatory JCA algorithm", e);
    }
  }

  /** Feeds what is written to a signature and a digest; closing it does nothing. */
  private static final class Sink extends OutputStream {
    private final @Nullable Signature signature;
    private final @Nullable MessageDigest digest;

    Sink(@Nullable Signature signature, @Nullable MessageDigest digest) {
      this.signature = signature;
      this.digest = digest;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (signature != null) {
        try {
          signature.update(b, off, len);
        } catch (java.security.SignatureException e) {
          throw new IOException(e);
        }
      }
      if (digest != null) {
        digest.update(b, off, len);
      }
    }
  }
}
