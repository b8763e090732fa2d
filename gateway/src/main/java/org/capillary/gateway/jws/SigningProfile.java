package org.capillary.gateway.jws;

import java.util.Set;
import java.util.regex.Pattern;

/** The constants of the request-signing profile (spec/SIGNING.md). */
final class SigningProfile {

  /** The Capillary-Signature field name. */
  static final String HEADER = "Capillary-Signature";
  /** The only accepted {@code typ}. */
  static final String TYP = "capillary-request+jws";
  /** CAP-SIG-03: nothing else, ever (no none, no HMAC, no RS256). */
  static final Set<String> ALLOWED_ALGS = Set.of("ES256", "PS256", "EdDSA");
  /**
   * CAP-SIG-13: never honoured; their presence alone makes the header malformed. Keys come only
   * from the registry (no jku/jwk/x5u/x5c), the payload is always base64url-encoded (no b64), never
   * compressed (no zip).
   */
  static final Set<String> FORBIDDEN =
      Set.of("jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "cty", "b64", "zip");
  /** Registered members the profile uses outside crit. */
  static final Set<String> REGISTERED = Set.of("alg", "kid", "typ", "crit");
  /** The extension members the gateway understands: these and only these may appear in crit. */
  static final Set<String> UNDERSTOOD = Set.of("iat", "jti", "htm", "htp", "cdg", "idk");
  /** Extension members every signature carries and lists in crit; idk joins them on writes. */
  static final Set<String> REQUIRED_CRIT = Set.of("iat", "jti", "htm", "htp", "cdg");
  /** Methods that change state: they need Idempotency-Key, and their signature binds it as idk. */
  static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
  /** Longest accepted field value. */
  static final int MAX_FIELD_LENGTH = 8192;
  /** The largest JSON integer every parser represents exactly. */
  static final long MAX_NUMERIC_DATE = (1L << 53) - 1;

  static final Pattern COMPACT_DETACHED = Pattern.compile("([A-Za-z0-9_-]+)\\.\\.([A-Za-z0-9_-]*)");
  static final Pattern JTI = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  /** CAP-IDM-01: 1 to 255 visible ASCII characters. */
  static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private SigningProfile() {}
}
