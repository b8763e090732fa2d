package org.capillary.gateway.compliance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.capillary.gateway.error.ProblemException;
import org.capillary.spec.validation.Violation;
import org.jspecify.annotations.Nullable;

/**
 * Query parameters of the read operations, checked as the contract declares them; a bad one is
 * INVALID_PARAMETER with a violation at {@code /query/<name>}. Cursors are opaque: base64url of
 * {@code v1:<position>}, the last position of the previous page in a stable, insert-only order.
 */
public final class QueryParams {

  private QueryParams() {}

  /** The page size: 1 to 500, default 100. */
  public static int limit(@Nullable String value) {
    if (value == null) {
      return 100;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit < 1) {
        throw invalid("limit", "BELOW_MINIMUM", "limit must be at least 1");
      }
      if (limit > 500) {
        throw invalid("limit", "ABOVE_MAXIMUM", "limit must be at most 500");
      }
      return limit;
    } catch (NumberFormatException e) {
      throw invalid("limit", "TYPE_MISMATCH", "limit must be an integer");
    }
  }

  /** The position after which a page starts (0 without a cursor). */
  public static long cursor(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
      if (value.length() > 512 || !text.startsWith("v1:")) {
        throw invalid("cursor", "PATTERN_MISMATCH", "not a cursor of this list");
      }
      long position = Long.parseLong(text.substring(3));
      if (position < 0) {
        throw invalid("cursor", "PATTERN_MISMATCH", "not a cursor of this list");
      }
      return position;
    } catch (IllegalArgumentException e) {
      throw invalid("cursor", "PATTERN_MISMATCH", "not a cursor of this list");
    }
  }

  /** The cursor of a position. */
  public static String cursorOf(long position) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("v1:" + position).getBytes(StandardCharsets.UTF_8));
  }

  /** An enumerated value, or null when absent. */
  public static @Nullable String oneOf(String name, @Nullable String value, Set<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw invalid(name, "ENUM_MISMATCH", name + " must be one of " + allowed.stream().sorted().toList());
    }
    return value;
  }

  /** A boolean, or null when absent. */
  public static @Nullable Boolean bool(String name, @Nullable String value) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw invalid(name, "TYPE_MISMATCH", name + " must be true or false");
    };
  }

  /** A value matching a pattern, or null when absent. */
  public static @Nullable String matching(String name, @Nullable String value, String regex) {
    if (value != null && !value.matches(regex)) {
      throw invalid(name, "PATTERN_MISMATCH", name + " is not well-formed");
    }
    return value;
  }

  private static ProblemException invalid(String name, String code, String detail) {
    return new ProblemException("INVALID_PARAMETER", detail, List.of(new Violation("/query/" + name, code, detail)),
        java.util.Map.of(), java.util.Map.of());
  }
}
