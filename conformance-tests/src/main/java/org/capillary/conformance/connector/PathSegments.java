package org.capillary.conformance.connector;

import java.nio.charset.StandardCharsets;

/** Percent-encodes a path segment (RFC 3986 pchar), as connectors put it on the wire and in {@code htp}. */
final class PathSegments {

  private static final String SAFE = "-._~!$&'()*+,;=:@";

  private PathSegments() {}

  static String encode(String value) {
    StringBuilder b = new StringBuilder();
    for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || SAFE.indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }
}
