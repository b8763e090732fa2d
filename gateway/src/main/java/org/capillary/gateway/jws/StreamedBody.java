package org.capillary.gateway.jws;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that is too large to hold in memory (a tus chunk), already written to storage by
 * the time the signature is verified. The verifier reads it as a stream: the signing input
 * {@code ASCII(H || '.' || BASE64URL(body))} is fed to the signature primitive block by block
 * (spec/SIGNING.md §10.5: "for very large bodies the signing input can be fed to the signature
 * primitive in streaming fashion"), so a chunk is never held in memory whole.
 *
 * <p>Put on the exchange under {@link #ATTRIBUTE} by the filter that spooled the body; {@link
 * JwsAuthenticationFilter} then verifies it instead of the (empty) in-memory body.
 */
public interface StreamedBody {

  /** The exchange attribute a spooled body is kept under. */
  String ATTRIBUTE = StreamedBody.class.getName();

  /** The number of octets of the body. */
  long length();

  /** The RFC 9530 Content-Digest value of the body: {@code sha-256=:BASE64(SHA-256(body)):}. */
  String contentDigest();

  /**
   * Opens the body from its first octet; the caller closes the stream.
   *
   * @return the body octets exactly as received
   * @throws IOException if the stored body cannot be read
   */
  InputStream open() throws IOException;
}
