package org.capillary.sdk.auth;

/**
 * The result of signing one attempt of a request.
 *
 * @param headerValue the {@code Capillary-Signature} field value, {@code H..S}
 * @param protectedHeaderJson the protected header exactly as signed
 * @param signingInput {@code H "." BASE64URL(body)}: compare with a problem's {@code signingInput}
 *     when the gateway refuses a signature (spec/SIGNING.md §7)
 * @param contentDigest the {@code cdg} value, {@code sha-256=:…:}
 * @param jti the unique id of this signature
 * @param issuedAt the {@code iat} (seconds since the epoch)
 */
public record SignedRequest(String headerValue, String protectedHeaderJson, String signingInput,
    String contentDigest, String jti, long issuedAt) {

  @Override
  public String toString() {
    // The value itself is a bearer of authority for 300 s: never in logs.
    return "SignedRequest[jti=" + jti + ", iat=" + issuedAt + ", cdg=" + contentDigest + "]";
  }
}
