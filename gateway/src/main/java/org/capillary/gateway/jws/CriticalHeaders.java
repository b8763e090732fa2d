package org.capillary.gateway.jws;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The crit rules of spec/SIGNING.md (CAP-SIG-05, RFC 7515 §4.1.11): crit is a non-empty array of
 * distinct strings; it lists every extension member present and only those; each listed name is one
 * the gateway understands and is present; iat, jti, htm, htp and cdg are always listed.
 */
final class CriticalHeaders {

  private CriticalHeaders() {}

  /**
   * The crit names of a header, if they satisfy the rules.
   *
   * @param header the protected header
   * @return the listed names, or null when the rules are broken
   */
  static @Nullable Set<String> check(JsonNode header) {
    JsonNode crit = header.get("crit");
    if (crit == null || !crit.isArray() || crit.isEmpty()) {
      return null;
    }
    Set<String> listed = new HashSet<>();
    for (JsonNode n : crit) {
      if (!n.isString() || !listed.add(n.stringValue())) {
        return null; // not a string, or listed twice
      }
    }
    for (String name : listed) {
      if (!SigningProfile.UNDERSTOOD.contains(name) || !header.has(name)) {
        return null; // not understood (registered names included), or absent
      }
    }
    for (String name : header.propertyNames()) {
      if (!SigningProfile.REGISTERED.contains(name) && !listed.contains(name)) {
        return null; // an extension member present but not listed
      }
    }
    return listed.containsAll(SigningProfile.REQUIRED_CRIT) ? Set.copyOf(listed) : null;
  }
}
