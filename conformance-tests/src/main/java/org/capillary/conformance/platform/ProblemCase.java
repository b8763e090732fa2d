package org.capillary.conformance.platform;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A request the gateway must refuse, and how: the status and the stable problem code.
 *
 * @param name a short kebab-case name, e.g. {@code malformed-json}
 * @param status the expected HTTP status
 * @param code the expected problem code
 * @param send sends the request
 * @param also requirement ids the case verifies besides its code's
 */
public record ProblemCase(String name, int status, String code, Function<PlatformSession, Exchange> send, Set<String> also) {

  /** Validates and copies. */
  public ProblemCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(send, "send");
    also = Set.copyOf(also);
  }

  /** A case that verifies only its code's requirement. */
  public ProblemCase(String name, int status, String code, Function<PlatformSession, Exchange> send) {
    this(name, status, code, send, Set.of());
  }

  /** The requirement the code implements ({@code problem-codes.yaml}). */
  public String requirement() {
    return ProblemCodes.requirement(code);
  }

  /** Every requirement the case verifies. */
  public Set<String> requirements() {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(requirement());
    ids.addAll(also);
    return ids;
  }
}
