package org.capillary.conformance.run;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The canonical JSON form that transcript hashes and report payloads are computed over: the JSON
 * Canonicalization Scheme of RFC 8785 for the values the suite writes. Object members are sorted by
 * their names' UTF-16 code units, there is no insignificant whitespace, strings use the shortest
 * escapes ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, six-character {@code u00XX} escapes for other control
 * characters; everything else literal, UTF-8), integers are written in decimal. The suite writes no
 * fractional numbers; should one appear it is written as Jackson writes it.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  /**
   * Serialises a JSON value canonically.
   *
   * @param value the value
   * @return its canonical text
   */
  public static String write(JsonNode value) {
    StringBuilder out = new StringBuilder(256);
    append(out, value);
    return out.toString();
  }

  /**
   * The canonical form as UTF-8 octets.
   *
   * @param value the value
   * @return the octets hashed or signed
   */
  public static byte[] bytes(JsonNode value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  private static void append(StringBuilder out, JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>(node.propertyNames());
      names.sort(null); // String.compareTo orders by UTF-16 code units, as RFC 8785 §3.2.3 requires
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        string(out, names.get(i));
        out.append(':');
        append(out, node.get(names.get(i)));
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        append(out, node.get(i));
      }
      out.append(']');
    } else if (node.isString()) {
      string(out, node.stringValue());
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue().toString());
    } else if (node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else {
      out.append(node.toString());
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
